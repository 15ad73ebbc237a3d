package dev.chainloop.ee.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The issue "Policies that gate", end to end with the real CLI: upstream's vault-release contract
 * shape (material and attestation policies, a gate) with the built-in library and an organization
 * policy; a banned license is reported under ADVISORY, fails the push under ENFORCED, and passes
 * with the bypass flag, which the audit log records.
 */
class PolicyIT {
  private final Fixtures.Account owner = Fixtures.ownerWithOrg();
  private final String token = Fixtures.apiToken(owner);
  private final Cli cli = new Cli();

  private static final String VERSION_POLICY =
      """
      apiVersion: workflowcontract.chainloop.dev/v1
      kind: Policy
      metadata:
        name: version-is-semver
        description: the version material is MAJOR.MINOR.PATCH
      spec:
        policies:
          - kind: STRING
            cel: |
              material.matches("^[0-9]+[.][0-9]+[.][0-9]+$") ? [] : ["version " + material + " is not semver"]
      """;

  private static final String CONTRACT =
      """
      apiVersion: chainloop.dev/v1
      kind: Contract
      metadata:
        name: vault-release
      spec:
        materials:
          - {type: SBOM_CYCLONEDX_JSON, name: sbom}
          - {type: STRING, name: version}
        policies:
          materials:
            - ref: sbom-banned-licenses
              with:
                bannedLicenses: AGPL-3.0-only, GPL-3.0-only
            - ref: sbom-min-components
              with: {minComponents: 1}
            - ref: version-is-semver
              gate: true
          attestation:
            - ref: sbom-present
              gate: true
      """;

  static String sbom(String license) {
    return """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [
          {"type": "library", "name": "vault-lib", "version": "1.0",
           "licenses": [{"license": {"id": "%s"}}]}]}
        """
        .formatted(license);
  }

  private void setUp() throws IOException {
    Path docs = cli.write("release.yaml", VERSION_POLICY + "---\n" + CONTRACT);
    Cli.Result applied = cli.run("apply", "-f", docs.toString(), "--token", token);
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.stderr())
        .contains("Policy/version-is-semver applied")
        .contains("Contract/vault-release applied");
    Cli.Result wf =
        cli.run(
            "wf",
            "create",
            "--name",
            "vault",
            "--project",
            "vault",
            "--contract",
            "vault-release",
            "-s",
            "--token",
            token);
    assertThat(wf.exitCode()).as(wf.toString()).isZero();
  }

  private Cli.Result attest(String license, String version, String... pushFlags)
      throws IOException {
    Cli.Result init = cli.run("att", "init", "--workflow", "vault", "--token", token);
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Path sbom = cli.write("sbom.cdx.json", sbom(license));
    Cli.Result add =
        cli.run("att", "add", "--name", "sbom", "--value", sbom.toString(), "--token", token);
    assertThat(add.exitCode()).as(add.toString()).isZero();
    Cli.Result v = cli.run("att", "add", "--name", "version", "--value", version, "--token", token);
    assertThat(v.exitCode()).as(v.toString()).isZero();
    String[] args = new String[6 + pushFlags.length];
    args[0] = "att";
    args[1] = "push";
    args[2] = "--key";
    args[3] = cli.signingKey().toString();
    args[4] = "--token";
    args[5] = token;
    System.arraycopy(pushFlags, 0, args, 6, pushFlags.length);
    return cli.run(args);
  }

  private void strategy(String strategy) {
    Cli.Result r =
        strategy.equals("ENFORCED")
            ? cli.run(
                "organization",
                "update",
                "--name",
                owner.org(),
                "--block",
                "--token",
                owner.userToken())
            : cli.run(
                "organization",
                "update",
                "--name",
                owner.org(),
                "--policy-strategy",
                strategy,
                "--token",
                owner.userToken());
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void vaultReleaseIsReportedUnderAdvisoryBlockedUnderEnforcedAndBypassIsAudited()
      throws IOException {
    setUp();

    Cli.Result compliant = attest("MIT", "1.2.3");
    assertThat(compliant.exitCode()).as(compliant.toString()).isZero();
    assertThat(compliant.stdout())
        .contains("Policies")
        .contains("sbom-banned-licenses")
        .contains("sbom-present")
        .contains("passed")
        .doesNotContain("violation");

    Cli.Result advisory = attest("AGPL-3.0-only", "1.2.4");
    assertThat(advisory.exitCode()).as(advisory.toString()).isZero();
    assertThat(advisory.stdout()).contains("component vault-lib@1.0 has a banned license");

    strategy("ENFORCED");
    Cli.Result enforced = attest("AGPL-3.0-only", "1.2.5");
    assertThat(enforced.exitCode()).as(enforced.toString()).isNotZero();
    assertThat(enforced.stderr())
        .contains("sbom-banned-licenses on sbom: component vault-lib@1.0 has a banned license")
        .contains("--exception-bypass-policy-check");

    // The refused run is still open locally: push it again, bypassing the check.
    String[] bypass = {
      "att",
      "push",
      "--key",
      cli.signingKey().toString(),
      "--token",
      token,
      "--exception-bypass-policy-check"
    };
    Cli.Result bypassed = cli.run(bypass);
    assertThat(bypassed.exitCode()).as(bypassed.toString()).isZero();
    assertThat(bypassed.stderr()).contains("bypassed");
    String bypassedId =
        cli.run(
                "wf",
                "run",
                "list",
                "--workflow",
                "vault",
                "--policy-status",
                "bypassed",
                "--token",
                token)
            .stdout()
            .lines()
            .filter(l -> l.contains("vault/vault"))
            .findFirst()
            .orElseThrow()
            .split("│")[1]
            .trim();
    Cli.Result statement =
        cli.run("wf", "run", "describe", "--id", bypassedId, "-o", "statement", "--token", token);
    assertThat(statement.stdout()).contains("policyBlockBypassEnabled");

    Api.Reply audit =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .get("/api/v1/audit-events?limit=100");
    assertThat(audit.body())
        .contains("attestation.policy_check_bypassed")
        .contains("banned license");

    // A gated policy blocks under ADVISORY too.
    strategy("ADVISORY");
    Cli.Result gated = attest("MIT", "v2");
    assertThat(gated.exitCode()).as(gated.toString()).isNotZero();
    assertThat(gated.stderr()).contains("version-is-semver on version: version v2 is not semver");
    assertThat(cli.run("att", "reset", "--token", token).exitCode()).isZero();

    Cli.Result list = cli.run("wf", "run", "list", "--workflow", "vault", "--token", token);
    assertThat(list.stdout()).contains("POLICY STATUS").contains("passed").contains("failed");
    assertThat(list.stdout()).contains("bypassed");
    Cli.Result failed =
        cli.run(
            "wf",
            "run",
            "list",
            "--workflow",
            "vault",
            "--policy-status",
            "failed",
            "--token",
            token);
    assertThat(failed.exitCode()).as(failed.toString()).isZero();
    assertThat(failed.stdout().lines().filter(l -> l.contains("vault/vault"))).hasSize(1);
    String failedId =
        failed
            .stdout()
            .lines()
            .filter(l -> l.contains("vault/vault"))
            .findFirst()
            .orElseThrow()
            .split("│")[1]
            .trim();
    Cli.Result describe = cli.run("wf", "run", "describe", "--id", failedId, "--token", token);
    assertThat(describe.stdout())
        .contains("Policy Status")
        .contains("failed")
        .contains("ADVISORY")
        .contains("has a banned license");
  }

  @Test
  void regoUnknownRefsAndCelThatDoesNotCompileAreRefusedNamingTheProblem() throws IOException {
    Path rego =
        cli.write(
            "rego.yaml",
            """
            apiVersion: workflowcontract.chainloop.dev/v1
            kind: Policy
            metadata: {name: rego}
            spec:
              policies:
                - kind: SBOM_CYCLONEDX_JSON
                  embedded: |
                    package main
            """);
    Cli.Result r = cli.run("apply", "-f", rego.toString(), "--token", token);
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("Rego").contains("CEL");

    Path broken = cli.write("broken.yaml", VERSION_POLICY.replace("? [] :", "? [] ::"));
    Cli.Result b = cli.run("apply", "-f", broken.toString(), "--token", token);
    assertThat(b.exitCode()).isNotZero();
    assertThat(b.stderr()).contains("policy \"version-is-semver\" does not compile");

    Path unknown =
        cli.write("unknown.yaml", CONTRACT.replace("ref: sbom-present", "ref: no-such-policy"));
    Cli.Result u = cli.run("apply", "-f", unknown.toString(), "--token", token);
    assertThat(u.exitCode()).isNotZero();
    assertThat(u.stderr()).contains("unknown policy \"no-such-policy\"");

    Cli.Result list = cli.run("policy", "list", "--token", token);
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.stdout()).contains("sbom-banned-licenses").contains("built-in");
    Cli.Result describe =
        cli.run("policy", "describe", "--name", "sbom-banned-licenses", "--token", token);
    assertThat(describe.stdout()).contains("bannedLicenses").contains("cel:");
  }
}
