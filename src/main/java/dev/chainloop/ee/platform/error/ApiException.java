package dev.chainloop.ee.platform.error;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Root of the closed tree of errors the API answers with. Each subclass fixes an HTTP status; the
 * {@link ProblemMapper} turns any of them into an RFC 9457 problem document. Rolls back the
 * surrounding EJB transaction, so a rejected request never leaves a half-written record.
 */
@ApplicationException(rollback = true)
public abstract class ApiException extends RuntimeException {
  private final int status;
  private final String slug;
  private final List<Violation> violations;

  protected ApiException(int status, String slug, String detail, List<Violation> violations) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.violations = List.copyOf(violations);
  }

  protected ApiException(int status, String slug, String detail) {
    this(status, slug, detail, List.of());
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public List<Violation> violations() {
    return violations;
  }
}
