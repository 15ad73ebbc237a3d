package dev.chainloop.ee.platform.error;

/** 403: the caller is authenticated but lacks the permission for this operation. */
public class ForbiddenOperationException extends ApiException {
  public ForbiddenOperationException(String detail) {
    super(403, "forbidden", detail);
  }
}
