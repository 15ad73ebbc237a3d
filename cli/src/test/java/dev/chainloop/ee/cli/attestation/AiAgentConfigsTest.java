package dev.chainloop.ee.cli.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiAgentConfigsTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void eachAgentGetsItsFilesAndTheSharedOnesInUpstreamsEvidenceFormat() throws IOException {
    write("CLAUDE.md", "# rules");
    write(".claude/settings.json", "{\"permissions\":{}}");
    write(".claude/skills/release/SKILL.md", "skill");
    write(".cursor/rules/style.mdc", "style");
    write("AGENTS.md", "agents");
    write("README.md", "not configuration");
    write(".git/CLAUDE.md", "inside .git");

    Map<String, JsonObject> found = AiAgentConfigs.collect(dir, Optional.empty());

    assertThat(found).containsOnlyKeys("claude", "cursor");
    JsonObject claude = found.get("claude");
    assertThat(claude.getString("chainloop.material.evidence.id"))
        .isEqualTo("CHAINLOOP_AI_AGENT_CONFIG");
    JsonObject data = claude.getJsonObject("data");
    assertThat(data.getJsonObject("agent").getString("name")).isEqualTo("claude");
    assertThat(
            data.getJsonArray("config_files").stream().map(v -> v.asJsonObject().getString("path")))
        .containsExactly(
            ".claude/settings.json", ".claude/skills/release/SKILL.md", "AGENTS.md", "CLAUDE.md");
    JsonObject settings = data.getJsonArray("config_files").getJsonObject(0);
    assertThat(settings.getString("kind")).isEqualTo("configuration");
    assertThat(settings.getInt("size")).isEqualTo(18);
    assertThat(
            new String(
                Base64.getDecoder().decode(settings.getString("content")), StandardCharsets.UTF_8))
        .isEqualTo("{\"permissions\":{}}");
    assertThat(found.get("cursor").getJsonObject("data").getJsonArray("config_files")).hasSize(2);

    // the combined hash moves with any file's content, and only then
    String hash = data.getString("config_hash");
    assertThat(
            AiAgentConfigs.collect(dir, Optional.empty())
                .get("claude")
                .getJsonObject("data")
                .getString("config_hash"))
        .isEqualTo(hash);
    write("CLAUDE.md", "# other rules");
    assertThat(
            AiAgentConfigs.collect(dir, Optional.empty())
                .get("claude")
                .getJsonObject("data")
                .getString("config_hash"))
        .isNotEqualTo(hash);

    Path material = Files.writeString(dir.resolve("claude.json"), claude.toString());
    assertThat(Materials.validate("CHAINLOOP_AI_AGENT_CONFIG", material.toString())).isEmpty();
  }

  @Test
  void nothingIsFoundWithoutAnAgentsFiles() throws IOException {
    write("AGENTS.md", "shared only");
    assertThat(AiAgentConfigs.collect(dir, Optional.empty())).isEmpty();
  }
}
