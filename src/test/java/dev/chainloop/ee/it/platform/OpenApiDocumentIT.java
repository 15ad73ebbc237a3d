package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The committed docs/openapi.yaml (from which the test client is generated) is the document the
 * server serves. After an API change run {@code scripts/update-openapi} to refresh the copy, and
 * commit it.
 */
class OpenApiDocumentIT {
  private static final Path COPY = Path.of("docs/openapi.yaml");

  @Test
  void servedDocumentMatchesTheCommittedCopy() throws Exception {
    Api.Reply served = Api.anonymous().get("/openapi");
    assertThat(served.status()).isEqualTo(200);
    assertThat(normalize(served.body()))
        .as("docs/openapi.yaml is out of date: run scripts/update-openapi and commit it")
        .isEqualTo(normalize(Files.readString(COPY)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationHasAnIdAndDocumentsTheErrorModel() {
    String doc = Api.anonymous().get("/openapi").body();
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(doc);
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) root.get("paths");
    int operations = 0;
    for (var path : paths.entrySet()) {
      for (var op : path.getValue().entrySet()) {
        if (!(op.getValue() instanceof Map<?, ?> operation) || op.getKey().equals("parameters")) {
          continue;
        }
        operations++;
        String where = op.getKey() + " " + path.getKey();
        assertThat((String) operation.get("operationId")).as(where).isNotBlank();
        assertThat((String) operation.get("summary")).as(where).isNotBlank();
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        assertThat(responses).as(where).containsKey("default");
        assertThat(responses.keySet()).as(where).anyMatch(code -> code.startsWith("2"));
      }
    }
    assertThat(operations).isGreaterThan(40);
    assertThat(doc).contains("bearerFormat: JWT").contains("application/problem+json");
  }

  private static String normalize(String yaml) {
    return yaml.replace("\r\n", "\n").strip();
  }
}
