package dev.chainloop.ee.platform.error;

/** 503: a service the request depends on (e.g. an organization's storage) cannot be reached. */
public class UnavailableException extends ApiException {
  public UnavailableException(String detail) {
    super(503, "unavailable", detail);
  }
}
