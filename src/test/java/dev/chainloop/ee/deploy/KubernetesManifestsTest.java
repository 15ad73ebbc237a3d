package dev.chainloop.ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Kubernetes manifests parse and give every replica what the server needs to share state. */
class KubernetesManifestsTest {
  private static final Path DIR = Path.of("deploy/kubernetes");
  private static final List<Map<String, Object>> DOCS = new ArrayList<>();

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parseAll() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object doc :
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
          assertThat(doc).as(file + " holds a mapping").isInstanceOf(Map.class);
          DOCS.add((Map<String, Object>) doc);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current =
          current instanceof Map<?, ?> map
              ? map.get(key)
              : current instanceof List<?> list ? list.get(Integer.parseInt(key)) : null;
    }
    return (T) current;
  }

  private static Map<String, Object> kind(String kind) {
    return DOCS.stream()
        .filter(d -> kind.equals(d.get("kind")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind));
  }

  @Test
  void everyDocumentHasApiVersionKindAndName() {
    assertThat(DOCS).hasSizeGreaterThanOrEqualTo(6);
    for (Map<String, Object> doc : DOCS) {
      assertThat(doc).containsKeys("apiVersion", "kind");
      if (!"Kustomization".equals(doc.get("kind"))) {
        assertThat((String) at(doc, "metadata", "name")).isNotBlank();
      }
    }
  }

  @Test
  void deploymentRunsSeveralReplicasOnPostgresWithSharedKeysAndProbes() {
    Map<String, Object> deployment = kind("Deployment");
    assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
    Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
    assertThat((String) at(container, "readinessProbe", "httpGet", "path"))
        .isEqualTo("/health/ready");
    assertThat((String) at(container, "livenessProbe", "httpGet", "path"))
        .isEqualTo("/health/live");
    assertThat((Map<String, Object>) at(container, "resources", "requests"))
        .containsKeys("cpu", "memory");
    assertThat((Map<String, Object>) at(container, "resources", "limits"))
        .containsKeys("cpu", "memory");
    List<Map<String, Object>> env = at(container, "env");
    assertThat(env)
        .anySatisfy(
            e -> {
              assertThat(e.get("name")).isEqualTo("DB_PASSWORD");
              assertThat((String) at(e, "valueFrom", "secretKeyRef", "name")).isNotBlank();
            });
    assertThat(env)
        .anySatisfy(
            e ->
                assertThat(e)
                    .containsEntry("name", "CHAINLOOP_KEYS_DIR")
                    .containsEntry("value", "/keys"));
    assertThat(
            (String)
                at(deployment, "spec", "template", "spec", "volumes", "0", "secret", "secretName"))
        .isEqualTo("chainloop-signing-keys");
    Map<String, Object> config = kind("ConfigMap");
    assertThat((String) at(config, "data", "DB_TYPE")).isEqualTo("postgresql");
    assertThat((String) at(config, "data", "CHAINLOOP_CAS_BACKEND")).isEqualTo("database");
  }

  @Test
  void serviceAndDisruptionBudgetSelectTheDeploymentsPods() {
    Map<String, Object> labels = at(kind("Deployment"), "spec", "template", "metadata", "labels");
    assertThat(labels).containsAllEntriesOf(at(kind("Service"), "spec", "selector"));
    assertThat(labels)
        .containsAllEntriesOf(at(kind("PodDisruptionBudget"), "spec", "selector", "matchLabels"));
    assertThat((Integer) at(kind("PodDisruptionBudget"), "spec", "minAvailable"))
        .isLessThan((Integer) at(kind("Deployment"), "spec", "replicas"));
  }

  @Test
  void operatorAlternativeDeclaresTheSameProbesAndKeys() {
    Map<String, Object> app = kind("OpenLibertyApplication");
    assertThat((Integer) at(app, "spec", "replicas")).isGreaterThanOrEqualTo(2);
    assertThat((String) at(app, "spec", "probes", "readiness", "httpGet", "path"))
        .isEqualTo("/health/ready");
    assertThat((String) at(app, "spec", "volumes", "0", "secret", "secretName"))
        .isEqualTo("chainloop-signing-keys");
  }
}
