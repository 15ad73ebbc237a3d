package dev.chainloop.ee.platform.error;

/** 401: no credential, or one that is invalid, expired or revoked. */
public class AuthenticationException extends ApiException {
  public AuthenticationException(String detail) {
    super(401, "unauthenticated", detail);
  }
}
