package dev.chainloop.ee.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The public keys that verify this control plane's tokens, as a JWKS document (RFC 7517) at the
 * well-known path, for verifiers outside the cluster: every key of the ring, the retiring ones
 * included until their files are deleted ({@link SigningKeys}).
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {
  @Inject SigningKeys keys;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/jwk-set+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // Short: a rotation reaches external verifiers within a minute.
    response.setHeader("Cache-Control", "public, max-age=60");
    response.getWriter().write(keys.jwks());
  }
}
