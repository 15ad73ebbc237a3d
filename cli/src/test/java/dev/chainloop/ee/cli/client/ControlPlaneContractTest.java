package dev.chainloop.ee.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.client.model.ApiSchema;
import dev.chainloop.ee.cli.client.model.Problem;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The CLI's client and the server's published API cannot drift apart: every endpoint, request
 * record and response view of {@code client} is checked against docs/openapi.yaml, the document the
 * server's OpenApiDocumentIT keeps equal to the one it serves.
 */
class ControlPlaneContractTest {
  static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
  static final Path MODEL = Path.of("src/main/java/dev/chainloop/ee/cli/client/model");

  @Test
  void everyEndpointFieldAndTypeTheClientUsesIsInTheDocument() throws Exception {
    OpenApiContract contract = checkAll(document());

    assertThat(contract.problems()).isEmpty();
  }

  @Test
  void everyRecordAndViewOfTheModelIsChecked() throws Exception {
    OpenApiContract contract = checkAll(document());

    List<String> unchecked = new ArrayList<>();
    try (Stream<Path> files = Files.list(MODEL)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        Class<?> type = Class.forName("dev.chainloop.ee.cli.client.model." + name);
        if (type.isAnnotationPresent(ApiSchema.class) && !contract.checked().contains(type)) {
          unchecked.add(name);
        }
      }
    }
    assertThat(unchecked).as("types no endpoint reaches").isEmpty();
  }

  @Test
  void aRenamedFieldIsReported() throws Exception {
    Map<String, Object> doc = document();
    Map<String, Object> token = properties(doc, "ApiTokenResponse");
    token.put("displayName", token.remove("name"));

    assertThat(checkAll(doc).problems()).contains("ApiTokenResponse.name: not in the document");
  }

  @Test
  void aChangedTypeIsReported() throws Exception {
    Map<String, Object> doc = document();
    properties(doc, "WorkflowResponse").put("runsCount", Map.of("type", "string"));
    properties(doc, "CreateWorkflowRequest").put("createRobotAccount", Map.of("type", "string"));

    assertThat(checkAll(doc).problems())
        .contains(
            "WorkflowResponse.runsCount: the CLI reads integer/int64, the document says string",
            "CreateWorkflowRequest.createRobotAccount: the CLI reads boolean, the document says"
                + " string");
  }

  @Test
  void aMovedPathOrRenamedParameterIsReported() throws Exception {
    Map<String, Object> doc = document();
    Map<String, Object> paths = OpenApiContract.map(doc.get("paths"));
    paths.put("/api/v1/server-status", paths.remove("/api/v1/status"));
    Map<String, Object> listRuns =
        OpenApiContract.map(OpenApiContract.map(paths.get("/api/v1/workflow-runs")).get("get"));
    for (Object p : (List<?>) listRuns.get("parameters")) {
      if ("next".equals(OpenApiContract.map(p).get("name"))) {
        OpenApiContract.map(p).put("name", "cursor");
      }
    }

    assertThat(checkAll(doc).problems())
        .contains(
            "GET /api/v1/status (getStatus): the document has no such path",
            "GET /api/v1/workflow-runs (listWorkflowRuns): the document has no query parameter"
                + " next");
  }

  /** Every endpoint the client declares, and the error body it reads on any failure. */
  static OpenApiContract checkAll(Map<String, Object> doc) throws IllegalAccessException {
    OpenApiContract contract = new OpenApiContract(doc);
    for (Field f : ControlPlane.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Endpoint.class) {
        contract.check((Endpoint<?>) f.get(null));
      }
    }
    contract.checkView(Problem.class, "Problem");
    return contract;
  }

  static Map<String, Object> document() throws IOException {
    try (Reader r = Files.newBufferedReader(DOCUMENT)) {
      return new Yaml().load(r);
    }
  }

  private static Map<String, Object> properties(Map<String, Object> doc, String schema) {
    Map<String, Object> schemas =
        OpenApiContract.map(OpenApiContract.map(doc.get("components")).get("schemas"));
    return OpenApiContract.map(OpenApiContract.map(schemas.get(schema)).get("properties"));
  }
}
