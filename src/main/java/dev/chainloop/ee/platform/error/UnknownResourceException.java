package dev.chainloop.ee.platform.error;

/**
 * 404. Also the answer for another organization's ids, so that ids cannot be probed across tenants.
 */
public class UnknownResourceException extends ApiException {
  public UnknownResourceException(String detail) {
    super(404, "not-found", detail);
  }
}
