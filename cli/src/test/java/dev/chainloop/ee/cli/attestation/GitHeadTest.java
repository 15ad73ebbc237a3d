package dev.chainloop.ee.cli.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHeadTest {
  @TempDir Path dir;

  @Test
  void aCheckoutGivesTheGitHeadSubjectWithRemotesAndBranch() throws Exception {
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Ada");
    git("config", "user.email", "ada@example.com");
    git("remote", "add", "origin", "https://user:token@github.com/acme/app.git");
    Files.writeString(dir.resolve("README"), "hi\n");
    git("add", "README");
    git("commit", "-q", "-m", "first commit");
    String sha = git("rev-parse", "HEAD").strip();

    GitHead head = GitHead.read(dir).orElseThrow();
    JsonObject subject = head.subject();
    assertThat(subject.getString("name")).isEqualTo("git.head");
    assertThat(subject.getJsonObject("digest").getString("sha1")).isEqualTo(sha);
    JsonObject ann = subject.getJsonObject("annotations");
    assertThat(ann.getString("author.name")).isEqualTo("Ada");
    assertThat(ann.getString("author.email")).isEqualTo("ada@example.com");
    assertThat(ann.getString("message")).isEqualTo("first commit");
    assertThat(ann.getString("branch")).isEqualTo("main");
    assertThat(ann.getJsonArray("remotes").getJsonObject(0).getString("url"))
        .isEqualTo("https://github.com/acme/app.git");
    assertThat(ann.getString("date")).endsWith("Z");

    byte[] statement =
        Statement.render(
            CraftingState.parse(CosignKeysTest.dryRunState()),
            "2024-05-13T12:30:00Z",
            "dev",
            Optional.of(head));
    JsonObject st = Json.createReader(new ByteArrayInputStream(statement)).readObject();
    assertThat(st.getJsonArray("subject").getJsonObject(1).getString("name")).isEqualTo("git.head");
  }

  @Test
  void outsideACheckoutThereIsNoHead() {
    assertThat(GitHead.read(dir)).isEmpty();
  }

  private String git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
