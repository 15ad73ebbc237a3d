package dev.chainloop.ee.platform.error;

import dev.chainloop.ee.platform.security.SecurityMetrics;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Target of web.xml's error pages: errors raised by the container before JAX-RS runs (a rejected
 * token from mpJwt, an unknown path outside the API, an oversized header) get the same problem
 * document as application errors.
 */
@WebServlet("/errors/problem")
public class ErrorPageServlet extends HttpServlet {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject SecurityMetrics metrics;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    String detail =
        switch (status) {
          case 401 ->
              "authentication required: the bearer token is missing, malformed, expired or not valid";
          case 403 -> "this credential may not call this operation";
          case 404 -> "no such resource";
          case 405 -> "this method is not supported on this resource";
          case 413 -> "the request is too large";
          default -> status >= 500 ? "an unexpected error occurred" : Problem.titleFor(status);
        };
    Problem problem = Problem.of(status, status == 401 ? "unauthenticated" : null, detail, null);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    if (status == 401) {
      metrics.rejected("invalid_jwt");
      response.setHeader("WWW-Authenticate", "Bearer realm=\"chainloop\"");
    }
    response.getWriter().write(JSONB.toJson(problem));
  }
}
