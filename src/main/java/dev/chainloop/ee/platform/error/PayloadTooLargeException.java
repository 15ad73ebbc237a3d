package dev.chainloop.ee.platform.error;

/** 413: the body is over the configured limit. */
public class PayloadTooLargeException extends ApiException {
  public PayloadTooLargeException(String detail) {
    super(413, "payload-too-large", detail);
  }
}
