package dev.chainloop.ee.backup;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.ApiException;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * {@code POST /ops/backup/database?into=NAME}: the operator's online backup of the embedded
 * database. Outside the API (no user, organization or API token may call it): the caller sends the
 * secret of {@code chainloop.ops.token-file} (default {@code <keys dir>/ops-token}) in the {@code
 * Chainloop-Ops-Token} header. Whoever can read that file can read the token signing keys as well,
 * so the endpoint grants nothing the keys directory does not; without the file it is disabled. A
 * header of its own, not {@code Authorization}, so MicroProfile JWT never takes it for a token.
 */
@WebServlet("/ops/backup/database")
public class DatabaseBackupServlet extends HttpServlet {
  static final String HEADER = "Chainloop-Ops-Token";
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject ChainloopConfig config;
  @Inject DatabaseBackup backup;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      authorize(request.getHeader(HEADER));
      Path written = backup.backUpInto(request.getParameter("into"));
      response.setStatus(201);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(Json.createObjectBuilder().add("path", written.toString()).build().toString());
    } catch (ApiException e) {
      response.setStatus(e.status());
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(JSONB.toJson(Problem.of(e.status(), e.slug(), e.getMessage(), e.violations())));
    }
  }

  private void authorize(String presented) throws IOException {
    Path file = config.opsTokenFile();
    if (!Files.isRegularFile(file)) {
      throw new ForbiddenOperationException(
          "operations are disabled: no ops token file (chainloop.ops.token-file)");
    }
    byte[] expected = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes();
    if (expected.length == 0
        || presented == null
        || !MessageDigest.isEqual(expected, presented.trim().getBytes(StandardCharsets.UTF_8))) {
      throw new AuthenticationException("send the ops token in the " + HEADER + " header");
    }
  }
}
