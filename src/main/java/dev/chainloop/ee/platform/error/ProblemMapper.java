package dev.chainloop.ee.platform.error;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP answers: every error is an RFC 9457 problem document.
 * Unexpected failures answer a generic 500 whose {@code instance} id is logged with the stack
 * trace, so the body never carries internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    return respond(toProblem(failure), failure);
  }

  static Response respond(Problem problem, Throwable failure) {
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (failure instanceof RateLimitedException limited) {
      response.header("Retry-After", limited.retryAfterSeconds());
    }
    if (problem.status() == 401) {
      response.header("WWW-Authenticate", "Bearer realm=\"chainloop\"");
    }
    if (failure instanceof NotAllowedException notAllowed) {
      response.allow(notAllowed.getResponse().getAllowedMethods());
    }
    return response.build();
  }

  static Problem toProblem(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ApiException api) {
      return Problem.of(api.status(), api.slug(), api.getMessage(), api.violations());
    }
    if (cause instanceof ConstraintViolationException invalid) {
      List<Violation> violations =
          invalid.getConstraintViolations().stream()
              .map(v -> new Violation(fieldOf(v), v.getMessage()))
              .sorted(Comparator.comparing(Violation::field))
              .toList();
      String detail =
          violations.stream()
              .map(v -> v.field() + ": " + v.message())
              .reduce((a, b) -> a + "; " + b)
              .orElse("invalid request");
      return Problem.of(400, "invalid-input", detail, violations);
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
        return Problem.of(413, "payload-too-large", tooLarge.getMessage(), null);
      }
      if (t instanceof ApiException api) {
        return Problem.of(api.status(), api.slug(), api.getMessage(), api.violations());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (isUniqueViolation(cause)) {
      return Problem.of(
          409,
          "conflict",
          "the request conflicts with a concurrent change: the object already exists",
          null);
    }
    if (isMalformedBody(cause)) {
      return Problem.of(
          400, "malformed-body", "the request body is not valid JSON for this operation", null);
    }
    if (cause instanceof NotFoundException) {
      return Problem.of(404, "not-found", "no such resource", null);
    }
    if (cause instanceof NotAllowedException) {
      return Problem.of(
          405, "method-not-allowed", "this method is not supported on this resource", null);
    }
    if (cause instanceof NotSupportedException) {
      return Problem.of(
          415,
          "unsupported-media-type",
          "this media type is not supported; send application/json",
          null);
    }
    if (cause instanceof NotAcceptableException) {
      return Problem.of(
          406, "not-acceptable", "no acceptable representation for this resource", null);
    }
    if (cause instanceof NotAuthorizedException) {
      return Problem.of(401, "unauthenticated", "authentication required", null);
    }
    if (cause instanceof ForbiddenException) {
      return Problem.of(403, "forbidden", "this credential may not call this operation", null);
    }
    if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      return Problem.of(status, null, Problem.titleFor(status), null);
    }
    Problem problem =
        Problem.of(
            500,
            "internal",
            "an unexpected error occurred; quote the instance id to an operator",
            null);
    LOG.log(Level.SEVERE, "Unexpected failure " + problem.instance(), cause);
    return problem;
  }

  private static boolean isMalformedBody(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof JsonbException
          || t instanceof JsonParsingException
          || t instanceof JsonException
          || t instanceof BadRequestException
          || (t instanceof ProcessingException && t != cause)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return cause instanceof ProcessingException;
  }

  /** SQLState class 23 (integrity constraint), e.g. two concurrent creates of one name. */
  private static boolean isUniqueViolation(Throwable cause) {
    for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String fieldOf(ConstraintViolation<?> violation) {
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
        field = node.getName();
      }
    }
    return field == null ? "body" : field;
  }
}
