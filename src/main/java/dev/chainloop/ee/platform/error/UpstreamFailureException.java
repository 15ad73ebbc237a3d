package dev.chainloop.ee.platform.error;

/** 502: a service this control plane depends on for the answer failed or answered nonsense. */
public class UpstreamFailureException extends ApiException {
  public UpstreamFailureException(String detail) {
    super(502, "upstream-failure", detail);
  }
}
