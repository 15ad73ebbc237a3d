package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the attestation ITs share (they were one class, "Attestations end to end"): an organization
 * with an API token per test, and helpers to init, sign and store runs with the real CLI in-process
 * (one {@link Cli} per machine) or the REST API.
 */
abstract class AttestationPipelines {
  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  final Fixtures.Account owner = Fixtures.ownerWithOrg();
  final String token = Fixtures.apiToken(owner);
  final Api api = Api.withToken(token);

  // ---- helpers --------------------------------------------------------------------------------

  static double metric(String name) {
    var r = Api.anonymous().get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(r.body());
    return m.find() ? Double.parseDouble(m.group(2)) : 0;
  }

  String initRun(String workflow, String project) {
    var init =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"" + workflow + "\",\"project\":\"" + project + "\"}");
    assertThat(init.status()).as(init.toString()).isEqualTo(200);
    return init.json().getString("attestationId");
  }

  String initWithCli(Cli cli, String workflow) {
    Cli.Result init =
        cli.run(
            "att", "init", "--workflow", workflow, "--project", "p", "--replace", "--token", token);
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Matcher m = UUID.matcher(init.stdout());
    assertThat(m.find()).isTrue();
    return m.group();
  }

  Api.Reply store(String runId, String bundle) {
    return api.send("POST", Attestations.storePath(runId), bundle, "application/json");
  }

  /** Pushes a bundle signed with {@code key}'s private half, as the CLI does. */
  Api.Reply store(String runId, String bundle, PublicKey key) {
    return api.send("POST", Attestations.storePath(runId, key), bundle, "application/json");
  }

  static String lastColumn(String tableRow) {
    String[] cells = tableRow.split("│");
    return cells[cells.length - 1].isBlank() && cells.length > 1
        ? cells[cells.length - 2].trim()
        : cells[cells.length - 1].trim();
  }

  static String tamperPayload(String bundle) {
    int i = bundle.indexOf("\"payload\":\"") + 20;
    char c = bundle.charAt(i);
    return bundle.substring(0, i) + (c == 'A' ? 'B' : 'A') + bundle.substring(i + 1);
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] statement(String runId, String salt) {
    return statement(runId, salt, Instant.now().toString());
  }

  static byte[] statement(String runId, String salt, String finishedAt) {
    String hex = Sha256.hex(salt.getBytes(StandardCharsets.UTF_8));
    return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\""
            + hex
            + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
            + runId
            + "\",\"finishedAt\":\""
            + finishedAt
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
