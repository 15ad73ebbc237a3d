package dev.chainloop.ee.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.FakeControlPlane;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandsTest {
  static final String HEAD = "ab".repeat(32);

  @TempDir Path home;
  FakeControlPlane server;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeControlPlane();
    cli =
        new CliRunner(home)
            .env("CHAINLOOP_CONTROL_PLANE_API", server.url())
            .env("CHAINLOOP_TOKEN", "user.token");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void intactChainPrintsItsCountAndHeadAndExitsZero() {
    server.json(
        "GET /api/v1/audit-events/verification",
        200,
        "{\"intact\":true,\"events\":12,\"legacyEvents\":3,\"headHash\":\"" + HEAD + "\"}");

    CliRunner.Result r = cli.run("organization", "audit", "verify");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "audit chain intact: 12 events, head "
                + HEAD
                + "\n3 events from before the chain existed are not linked\n");
  }

  @Test
  void brokenChainNamesTheEventAndExitsNonZero() {
    server.json(
        "GET /api/v1/audit-events/verification",
        200,
        "{\"intact\":false,\"events\":2,\"legacyEvents\":0,\"headHash\":\""
            + HEAD
            + "\",\"brokenLink\":{\"eventId\":\"e-3\",\"position\":3,"
            + "\"reason\":\"event content does not match its hash (edited)\","
            + "\"expected\":\"11\",\"found\":\"22\"}}");

    CliRunner.Result r = cli.run("org", "audit", "verify");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "audit chain broken at position 3", "event:    e-3", "expected: 11", "found:    22");
    assertThat(r.err())
        .isEqualTo(
            "ERR audit chain broken at position 3 (event e-3): event content does not match its"
                + " hash (edited)\n");
  }

  @Test
  void brokenChainAsJsonStillExitsNonZero() {
    server.json(
        "GET /api/v1/audit-events/verification",
        200,
        "{\"intact\":false,\"events\":4,\"headHash\":\""
            + HEAD
            + "\",\"brokenLink\":{\"position\":5,\"reason\":\"missing\"}}");

    CliRunner.Result r = cli.run("org", "audit", "verify", "-o", "json");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("\"intact\": false");
    assertThat(r.err()).isEqualTo("ERR audit chain broken at position 5: missing\n");
  }
}
