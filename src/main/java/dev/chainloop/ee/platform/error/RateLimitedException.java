package dev.chainloop.ee.platform.error;

/** 429 with a Retry-After header. */
public class RateLimitedException extends ApiException {
  private final long retryAfterSeconds;

  public RateLimitedException(String detail, long retryAfterSeconds) {
    super(429, "rate-limited", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
