package dev.chainloop.ee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The part of the GitHub REST API that {@code gather-runner-context} reads, for one repository,
 * answering as GitHub does: 401 {@code Bad credentials} without the expected bearer token, 404
 * {@code Branch not protected} for a branch without classic protection, 404 {@code Not Found}
 * elsewhere. GitHub cannot be reached from the test machine; this double checks the credential, the
 * API version header and the paths, which is what the real API checks of these calls.
 */
public final class GitHubApiDouble implements AutoCloseable {
  private final HttpServer server;
  private final String token;
  private final String repository;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private GitHubApiDouble(HttpServer server, String token, String repository) {
    this.server = server;
    this.token = token;
    this.repository = repository;
  }

  /** Serves {@code owner/name}, whose {@code main} branch is protected, to {@code token}. */
  public static GitHubApiDouble start(String token, String repository) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      GitHubApiDouble api = new GitHubApiDouble(server, token, repository);
      server.createContext("/", api::handle);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The paths asked for, with the token they came with checked. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(ex.getRequestMethod() + " " + path);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !(auth.equals("Bearer " + token) || auth.equals("token " + token))) {
      answer(ex, 401, "{\"message\":\"Bad credentials\",\"status\":\"401\"}");
      return;
    }
    String version = ex.getRequestHeaders().getFirst("X-GitHub-Api-Version");
    if (version != null && !version.equals("2022-11-28")) {
      answer(ex, 400, "{\"message\":\"Unsupported API version\"}");
      return;
    }
    String repo = "/repos/" + repository;
    if (!ex.getRequestMethod().equals("GET")) {
      answer(ex, 404, "{\"message\":\"Not Found\"}");
    } else if (path.equals(repo)) {
      answer(
          ex,
          200,
          """
          {"full_name":"%s","default_branch":"main","visibility":"public","private":false,\
          "archived":false,"allow_merge_commit":false,"allow_squash_merge":true,\
          "allow_rebase_merge":false,"delete_branch_on_merge":true,\
          "web_commit_signoff_required":true}"""
              .formatted(repository));
    } else if (path.equals(repo + "/branches/main/protection")) {
      answer(
          ex,
          200,
          """
          {"required_status_checks":{"strict":true,"contexts":["test","lint"]},\
          "required_pull_request_reviews":{"dismiss_stale_reviews":true,\
          "require_code_owner_reviews":true,"required_approving_review_count":1,\
          "require_last_push_approval":false},\
          "enforce_admins":{"enabled":true},"required_linear_history":{"enabled":true},\
          "allow_force_pushes":{"enabled":false},"allow_deletions":{"enabled":false},\
          "block_creations":{"enabled":false},\
          "required_conversation_resolution":{"enabled":true},\
          "required_signatures":{"enabled":true}}""");
    } else if (path.startsWith(repo + "/branches/") && path.endsWith("/protection")) {
      answer(ex, 404, "{\"message\":\"Branch not protected\",\"status\":\"404\"}");
    } else if (path.equals(repo + "/rules/branches/main")) {
      answer(
          ex,
          200,
          """
          [{"type":"deletion","ruleset_source_type":"Repository","ruleset_id":42},\
          {"type":"pull_request","ruleset_id":42,"parameters":{"required_approving_review_count":1,\
          "dismiss_stale_reviews_on_push":true,"require_code_owner_review":true}}]""");
    } else if (path.startsWith(repo + "/rules/branches/")) {
      answer(ex, 200, "[]");
    } else {
      answer(ex, 404, "{\"message\":\"Not Found\"}");
    }
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
