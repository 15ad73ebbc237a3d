package dev.chainloop.ee.platform.error;

import java.util.List;

/** 400: the request is well-formed JSON but a field is invalid. */
public class InvalidInputException extends ApiException {
  public InvalidInputException(String field, String message) {
    super(400, "invalid-input", field + ": " + message, List.of(new Violation(field, message)));
  }

  public InvalidInputException(String detail) {
    super(400, "invalid-input", detail);
  }

  public InvalidInputException(String detail, List<Violation> violations) {
    super(400, "invalid-input", detail, violations);
  }
}
