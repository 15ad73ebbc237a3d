package dev.chainloop.ee.platform.error;

/** 401: no credential, or one that is invalid, expired or revoked. */
public class AuthenticationException extends ApiException {
  private final String reason;

  public AuthenticationException(String detail) {
    this(detail, "unauthenticated");
  }

  /**
   * @param reason a short category for metrics (revoked, expired, not_found, ...)
   */
  public AuthenticationException(String detail, String reason) {
    super(401, "unauthenticated", detail);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
