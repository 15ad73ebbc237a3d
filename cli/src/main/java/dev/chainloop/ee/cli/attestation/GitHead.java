package dev.chainloop.ee.cli.attestation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The commit a pipeline built: the {@code git.head} subject of the statement, read with the {@code
 * git} the checkout was made with (worktrees, packed refs and detached heads need no code here).
 * Outside a checkout, or without {@code git}, there is no head and no subject.
 *
 * @param remotes remote name to URL, credentials removed
 * @param branch the checked-out branch, empty on a detached head
 */
public record GitHead(
    String commit,
    String authorName,
    String authorEmail,
    String date,
    String message,
    Map<String, String> remotes,
    String branch) {
  public static final String SUBJECT = "git.head";
  private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern USERINFO = Pattern.compile("^([a-z][a-z0-9+.-]*://)[^/@]*@");

  public static Optional<GitHead> read(Path dir) {
    Optional<String> log = git(dir, "log", "-1", "--format=%H%x00%an%x00%ae%x00%aI%x00%B", "HEAD");
    if (log.isEmpty()) {
      return Optional.empty();
    }
    String[] f = log.get().split("\0", 5);
    if (f.length < 5 || !SHA1.matcher(f[0]).matches()) {
      return Optional.empty();
    }
    Map<String, String> remotes = new TreeMap<>();
    for (String line :
        git(dir, "config", "--get-regexp", "^remote\\..*\\.url$").orElse("").split("\n")) {
      int sp = line.indexOf(' ');
      if (line.startsWith("remote.") && line.substring(0, Math.max(sp, 0)).endsWith(".url")) {
        String name = line.substring("remote.".length(), sp - ".url".length());
        remotes.put(name, USERINFO.matcher(line.substring(sp + 1).strip()).replaceFirst("$1"));
      }
    }
    String branch = git(dir, "symbolic-ref", "--short", "-q", "HEAD").orElse("").strip();
    return Optional.of(
        new GitHead(
            f[0],
            f[1],
            f[2],
            OffsetDateTime.parse(f[3].strip()).toInstant().toString(),
            f[4].strip(),
            remotes,
            branch));
  }

  /** The in-toto subject, annotated as upstream annotates it (plus the branch). */
  public JsonObject subject() {
    JsonObjectBuilder ann =
        Json.createObjectBuilder()
            .add("author.email", authorEmail)
            .add("author.name", authorName)
            .add("date", date)
            .add("message", message);
    if (!remotes.isEmpty()) {
      JsonArrayBuilder r = Json.createArrayBuilder();
      remotes.forEach(
          (name, url) -> r.add(Json.createObjectBuilder().add("name", name).add("url", url)));
      ann.add("remotes", r);
    }
    if (!branch.isEmpty()) {
      ann.add("branch", branch);
    }
    return Json.createObjectBuilder()
        .add("name", SUBJECT)
        .add("digest", Json.createObjectBuilder().add("sha1", commit))
        .add("annotations", ann)
        .build();
  }

  private static Optional<String> git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0
          ? Optional.of(new String(out, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
