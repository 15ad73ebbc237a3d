package dev.chainloop.ee.platform.error;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures: registered for the exact type so that it wins over the JAX-RS runtime's
 * built-in validation mapper; the translation itself is {@link ProblemMapper}'s.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException failure) {
    return ProblemMapper.respond(ProblemMapper.toProblem(failure), failure);
  }
}
