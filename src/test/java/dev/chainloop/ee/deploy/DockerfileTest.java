package dev.chainloop.ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read as Docker would (Docker cannot run here). scripts/readme-check runs its
 * documented build step on a fresh clone and checks that every COPY source then exists; this test
 * checks what can be read without a build: no test-only file is copied, the build step is the one
 * the README documents, and the image's paths and port are the ones the Kubernetes manifests use.
 */
class DockerfileTest {
  private static final Path DOCKERFILE = Path.of("Dockerfile");

  private static List<String> instructions() throws IOException {
    List<String> joined = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      if (current.isEmpty() && (line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        joined.add(current.append(line).toString().trim());
        current.setLength(0);
      }
    }
    return joined;
  }

  private static List<String> copySources() throws IOException {
    List<String> sources = new ArrayList<>();
    for (String instruction : instructions()) {
      if (instruction.startsWith("COPY ")) {
        List<String> words =
            Arrays.stream(instruction.substring(5).trim().split("\\s+"))
                .filter(w -> !w.startsWith("--"))
                .toList();
        sources.addAll(words.subList(0, words.size() - 1));
      }
    }
    return sources;
  }

  private static Map<String, String> env() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("([A-Z_]+)=(\\S+)").matcher("");
    for (String instruction : instructions()) {
      if (instruction.startsWith("ENV ")) {
        pair.reset(instruction.substring(4));
        while (pair.find()) {
          env.put(pair.group(1), pair.group(2));
        }
      }
    }
    return env;
  }

  @Test
  void copiesNoTestOnlyFile() throws IOException {
    assertThat(copySources()).isNotEmpty().noneMatch(s -> s.startsWith("src/test"));
    for (String source : copySources()) {
      Path path = Path.of(source);
      if (!source.startsWith("src/") || !Files.isDirectory(path)) {
        continue; // build outputs: checked after the build step by scripts/readme-check
      }
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file))
              .as(file + " would reach the image")
              .doesNotContain("localConnector")
              .doesNotContain("arquillian");
        }
      }
    }
  }

  @Test
  void theDocumentedBuildStepIsTheReadmes() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);
    assertThat(dockerfile).contains("#   ./mvnw -DskipTests package\n");
    assertThat(Files.readString(Path.of("README.md")))
        .contains("./mvnw -DskipTests package && docker build");
    assertThat(copySources())
        .contains("target/chainloop.war", "target/liberty/wlp/usr/servers/chainloop/lib/");
  }

  @Test
  void pathsAndPortMatchTheKubernetesManifests() throws IOException {
    Map<String, String> env = env();
    String deployment = Files.readString(Path.of("deploy/kubernetes/deployment.yaml"));
    String operator = Files.readString(Path.of("deploy/kubernetes/openlibertyapplication.yaml"));
    for (String manifest : List.of(deployment, operator)) {
      assertThat(manifest)
          .contains("name: CHAINLOOP_KEYS_DIR\n", "value: " + env.get("CHAINLOOP_KEYS_DIR") + "\n")
          .contains("name: CHAINLOOP_DATA_DIR\n", "value: " + env.get("CHAINLOOP_DATA_DIR") + "\n")
          .contains("mountPath: " + env.get("CHAINLOOP_KEYS_DIR") + "\n")
          .contains("mountPath: " + env.get("CHAINLOOP_DATA_DIR") + "\n");
    }
    assertThat(env).containsEntry("HTTP_PORT", "9080");
    assertThat(instructions()).contains("EXPOSE 9080");
    assertThat(deployment).contains("containerPort: 9080");
    assertThat(operator).contains("port: 9080");
    assertThat(instructions())
        .contains(
            "VOLUME [\""
                + env.get("CHAINLOOP_DATA_DIR")
                + "\", \""
                + env.get("CHAINLOOP_KEYS_DIR")
                + "\"]");
  }
}
