package dev.chainloop.ee.cli.commands.runnercontext;

import dev.chainloop.ee.cli.framework.CliException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reads how a GitHub repository is protected, with the runner's token, into a runner context
 * document (schema {@code chainloop.dev/runner-context/v0.1}, the CHAINLOOP_RUNNER_CONTEXT
 * material): repository settings ({@code GET /repos/{owner}/{repo}}), and per branch its classic
 * protection ({@code GET .../branches/{branch}/protection}) and the rulesets that apply to it
 * ({@code GET .../rules/branches/{branch}}). A call the token may not make is recorded in {@code
 * meta.errors} (PERMISSION_REPOSITORY, PERMISSION_BRANCHES, PERMISSION_RULESETS) rather than
 * failing the step, so the policies reading the document decide.
 */
final class GitHubRunnerContext {
  static final String SCHEMA_ID = "chainloop.dev/runner-context/v0.1";
  private static final String API_VERSION = "2022-11-28";

  /** Classic protection fields with an {@code enabled} flag, in GitHub's order. */
  private static final List<String> FLAGS =
      List.of(
          "enforce_admins",
          "required_linear_history",
          "allow_force_pushes",
          "allow_deletions",
          "block_creations",
          "required_conversation_resolution",
          "lock_branch",
          "allow_fork_syncing",
          "required_signatures");

  private static final List<String> REVIEW_FIELDS =
      List.of(
          "dismiss_stale_reviews",
          "require_code_owner_reviews",
          "required_approving_review_count",
          "require_last_push_approval");

  private static final List<String> REPOSITORY_SETTINGS =
      List.of(
          "default_branch",
          "visibility",
          "private",
          "archived",
          "allow_merge_commit",
          "allow_squash_merge",
          "allow_rebase_merge",
          "allow_auto_merge",
          "delete_branch_on_merge",
          "web_commit_signoff_required");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI api;
  private final String token;
  private final JsonArrayBuilder errors = Json.createArrayBuilder();
  private boolean anyError;

  GitHubRunnerContext(URI api, String token) {
    this.api = api;
    this.token = token;
  }

  JsonObject gather(String owner, String repository, List<String> branches, String tool) {
    String repoPath = "/repos/" + enc(owner) + "/" + enc(repository);
    JsonObjectBuilder repo =
        Json.createObjectBuilder().add("owner", owner).add("repository", repository);
    Answer info = get(repoPath);
    if (info.status() == 200) {
      repo.add("settings", settings(info.body()));
    } else {
      error("PERMISSION_REPOSITORY", "cannot read repository " + owner + "/" + repository, info);
    }
    JsonArrayBuilder branchList = Json.createArrayBuilder();
    for (String branch : branches) {
      JsonArrayBuilder rules = Json.createArrayBuilder();
      Answer protection = get(repoPath + "/branches/" + enc(branch) + "/protection");
      if (protection.status() == 200) {
        classicRules(protection.body(), rules);
      } else if (!(protection.status() == 404 && protection.text().contains("not protected"))) {
        error("PERMISSION_BRANCHES", "cannot read the protection of branch " + branch, protection);
      }
      Answer rulesets = get(repoPath + "/rules/branches/" + enc(branch));
      if (rulesets.status() == 200) {
        rulesetRules(rulesets.json(), rules);
      } else {
        error("PERMISSION_RULESETS", "cannot read the rulesets of branch " + branch, rulesets);
      }
      branchList.add(Json.createObjectBuilder().add("name", branch).add("active_rules", rules));
    }
    repo.add("branches", branchList);
    JsonObjectBuilder meta =
        Json.createObjectBuilder()
            .add("id", SCHEMA_ID)
            .add("generated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    if (anyError) {
      meta.add("errors", errors);
    }
    return Json.createObjectBuilder()
        .add("meta", meta)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("tool", tool)
                .add("provider", "github")
                .add("repos", Json.createArrayBuilder().add(repo)))
        .build();
  }

  private static JsonArray settings(JsonObject repo) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (String key : REPOSITORY_SETTINGS) {
      JsonValue v = repo.get(key);
      if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
        out.add(Json.createObjectBuilder().add("name", key).add("value", text(v)));
      }
    }
    return out.build();
  }

  private static void classicRules(JsonObject p, JsonArrayBuilder rules) {
    if (p.get("required_status_checks") instanceof JsonObject checks) {
      JsonArrayBuilder ctx = Json.createArrayBuilder();
      if (checks.containsKey("strict")) {
        ctx.add(context("strict", text(checks.get("strict"))));
      }
      if (checks.get("contexts") instanceof JsonArray contexts) {
        for (JsonValue c : contexts) {
          ctx.add(context("context", text(c)));
        }
      }
      rules.add(rule("required_status_checks", true).add("context", ctx));
    }
    if (p.get("required_pull_request_reviews") instanceof JsonObject reviews) {
      JsonArrayBuilder ctx = Json.createArrayBuilder();
      for (String key : REVIEW_FIELDS) {
        if (reviews.containsKey(key)) {
          ctx.add(context(key, text(reviews.get(key))));
        }
      }
      rules.add(rule("required_pull_request_reviews", true).add("context", ctx));
    } else {
      rules.add(rule("required_pull_request_reviews", false));
    }
    for (String flag : FLAGS) {
      if (p.get(flag) instanceof JsonObject o) {
        rules.add(rule(flag, o.getBoolean("enabled", false)));
      }
    }
  }

  private static void rulesetRules(JsonValue answer, JsonArrayBuilder rules) {
    if (!(answer instanceof JsonArray list)) {
      return;
    }
    for (JsonValue v : list) {
      if (!(v instanceof JsonObject r) || r.getString("type", "").isEmpty()) {
        continue;
      }
      JsonObjectBuilder rule = rule(r.getString("type"), true);
      if (r.get("parameters") instanceof JsonObject params && !params.isEmpty()) {
        JsonArrayBuilder ctx = Json.createArrayBuilder();
        params.forEach((k, pv) -> ctx.add(context(k, text(pv))));
        rule.add("context", ctx);
      }
      rules.add(rule);
    }
  }

  private static JsonObjectBuilder rule(String name, boolean enabled) {
    return Json.createObjectBuilder().add("name", name).add("enabled", String.valueOf(enabled));
  }

  private static JsonObjectBuilder context(String name, String value) {
    return Json.createObjectBuilder().add("name", name).add("value", value).add("enabled", "true");
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return v.toString();
  }

  private void error(String code, String message, Answer answer) {
    anyError = true;
    errors.add(
        Json.createObjectBuilder()
            .add("code", code)
            .add("message", message + ": HTTP " + answer.status()));
  }

  private record Answer(int status, String text) {
    JsonValue json() {
      try (JsonReader r = Json.createReader(new StringReader(text))) {
        return r.readValue();
      } catch (RuntimeException e) {
        throw new CliException("the GitHub API answered with something that is not JSON");
      }
    }

    JsonObject body() {
      return json() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  private Answer get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.toString().replaceAll("/+$", "") + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/vnd.github+json")
            .header("Authorization", "Bearer " + token)
            .header("X-GitHub-Api-Version", API_VERSION)
            .GET()
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 401) {
        throw new CliException("the GitHub API refused the runner token (HTTP 401)");
      }
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new CliException("cannot reach the GitHub API at " + api + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
