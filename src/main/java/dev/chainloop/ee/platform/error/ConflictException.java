package dev.chainloop.ee.platform.error;

/** 409: the request clashes with the current state (name taken, run already finished, ...). */
public class ConflictException extends ApiException {
  public ConflictException(String detail) {
    super(409, "conflict", detail);
  }
}
