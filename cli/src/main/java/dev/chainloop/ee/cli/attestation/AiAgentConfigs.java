package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code aiconfig} collector of {@code attestation init --collectors aiconfig}: the AI coding
 * agents' configuration files of the working directory (Claude's CLAUDE.md, .claude/…; Cursor's
 * .cursor/rules, …; AGENTS.md shared by both), one CHAINLOOP_AI_AGENT_CONFIG document per agent
 * found, in upstream's evidence format (schema {@code aiagentconfig/0.1}): each file's path, kind,
 * SHA-256, size and base64 content, a combined hash for drift detection and the git context. MCP
 * server extraction from the agents' settings is not done here.
 */
public final class AiAgentConfigs {
  static final String EVIDENCE_ID = "CHAINLOOP_AI_AGENT_CONFIG";
  static final String SCHEMA =
      "https://schemas.chainloop.dev/aiagentconfig/0.1/ai-agent-config.schema.json";

  /** A file larger than this is not configuration and is left out. */
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  private static final int MAX_DEPTH = 4;

  private record Pattern(String glob, String kind) {}

  private static final Map<String, List<Pattern>> AGENTS = new LinkedHashMap<>();

  static {
    AGENTS.put(
        "claude",
        List.of(
            new Pattern("CLAUDE.md", "instruction"),
            new Pattern(".claude/CLAUDE.md", "instruction"),
            new Pattern(".claude/settings.json", "configuration"),
            new Pattern(".claude/rules/*.md", "instruction"),
            new Pattern(".claude/agents/*.md", "agent"),
            new Pattern(".claude/commands/*.md", "instruction"),
            new Pattern(".claude/skills/*/SKILL.md", "skill")));
    AGENTS.put(
        "cursor",
        List.of(
            new Pattern(".cursor/rules/*.md", "instruction"),
            new Pattern(".cursor/rules/*.mdc", "instruction"),
            new Pattern(".cursor/rules/*/*.md", "instruction"),
            new Pattern(".cursor/rules/*/*.mdc", "instruction"),
            new Pattern(".cursor/skills/*/SKILL.md", "skill"),
            new Pattern(".cursor/agents/*.md", "agent")));
  }

  private static final List<Pattern> SHARED = List.of(new Pattern("AGENTS.md", "agent"));

  private AiAgentConfigs() {}

  /** One evidence document per agent whose files are in {@code base}, by agent name. */
  public static Map<String, JsonObject> collect(Path base, Optional<GitHead> head)
      throws IOException {
    Path root = base.toRealPath();
    List<Path> candidates;
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
      candidates =
          walk.filter(p -> !p.equals(root))
              .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .map(root::relativize)
              .filter(p -> !p.startsWith(".git"))
              .sorted()
              .toList();
    }
    Map<String, String> shared = matches(candidates, SHARED);
    Map<String, JsonObject> out = new TreeMap<>();
    for (Map.Entry<String, List<Pattern>> agent : AGENTS.entrySet()) {
      Map<String, String> files = matches(candidates, agent.getValue());
      if (files.isEmpty()) {
        continue;
      }
      shared.forEach(files::putIfAbsent);
      out.put(agent.getKey(), evidence(root, agent.getKey(), new TreeMap<>(files), head));
    }
    return out;
  }

  /** Relative path to kind, for the candidates that match a pattern. */
  private static Map<String, String> matches(List<Path> candidates, List<Pattern> patterns) {
    Map<String, String> out = new TreeMap<>();
    for (Pattern p : patterns) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.glob());
      for (Path c : candidates) {
        if (m.matches(c)) {
          out.putIfAbsent(c.toString().replace('\\', '/'), p.kind());
        }
      }
    }
    return out;
  }

  private static JsonObject evidence(
      Path root, String agent, Map<String, String> files, Optional<GitHead> head)
      throws IOException {
    JsonArrayBuilder list = Json.createArrayBuilder();
    List<String> hashes = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = root.resolve(f.getKey());
      if (Files.size(file) > MAX_FILE_BYTES) {
        continue;
      }
      byte[] content = Files.readAllBytes(file);
      String hex = Sha256.hex(content);
      hashes.add(f.getKey() + ":" + hex);
      list.add(
          Json.createObjectBuilder()
              .add("path", f.getKey())
              .add("kind", f.getValue())
              .add("sha256", hex)
              .add("size", content.length)
              .add("content", Base64.getEncoder().encodeToString(content)));
    }
    JsonObjectBuilder data =
        Json.createObjectBuilder()
            .add("agent", Json.createObjectBuilder().add("name", agent))
            .add(
                "config_hash",
                Sha256.hex(String.join("\n", hashes).getBytes(StandardCharsets.UTF_8)));
    head.ifPresent(
        h -> {
          JsonObjectBuilder git = Json.createObjectBuilder().add("commit_sha", h.commit());
          h.remotes().values().stream().findFirst().ifPresent(url -> git.add("repository", url));
          if (!h.branch().isEmpty()) {
            git.add("branch", h.branch());
          }
          data.add("git_context", git);
        });
    data.add("config_files", list);
    return Json.createObjectBuilder()
        .add("chainloop.material.evidence.id", EVIDENCE_ID)
        .add("schema", SCHEMA)
        .add("data", data)
        .build();
  }
}
