package dev.chainloop.ee.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Done-when 1 of the issue "Policies that gate", through the real CLI: the shape of upstream's
 * {@code .github/workflows/contracts/chainloop-vault-release.yaml} (attestation and material
 * policies, two policy groups with inputs, a runner type) with our built-in library, plus a gate. A
 * compliant run passes; a CycloneDX SBOM with a banned license is only reported under ADVISORY,
 * fails the push under ENFORCED and passes with {@code --exception-bypass-policy-check}, which the
 * audit log records.
 */
class PolicyGroupIT {
  private final Fixtures.Account owner = Fixtures.ownerWithOrg();
  private final String token = Fixtures.apiToken(owner);
  private final Cli cli =
      new Cli()
          .env("GITHUB_ACTIONS", "true")
          .env("GITHUB_SERVER_URL", "https://github.com")
          .env("GITHUB_REPOSITORY", "chainloop-dev/chainloop")
          .env("GITHUB_RUN_ID", "7");

  private static final String IMAGE = "ghcr.io/chainloop-dev/vault@sha256:" + "a".repeat(64);

  private static final String GROUPS =
      """
      apiVersion: chainloop.dev/v1
      kind: PolicyGroup
      metadata:
        name: sbom-quality
        description: SBOM policies sharing the banned licenses
      spec:
        inputs:
          - name: bannedLicenses
            required: true
          - name: sbom_name
            default: sbom
        policies:
          materials:
            - name: "{{ inputs.sbom_name }}"
              type: SBOM_CYCLONEDX_JSON
              policies:
                - ref: sbom-banned-licenses
                  with:
                    bannedLicenses: "{{ inputs.bannedLicenses }}"
                - ref: sbom-min-components
          attestation:
            - ref: sbom-present
      ---
      apiVersion: chainloop.dev/v1
      kind: PolicyGroup
      metadata:
        name: slsa-checks
      spec:
        inputs:
          - name: runner
            required: true
        policies:
          attestation:
            - ref: runner-is-ci
              with:
                runner: "{{ inputs.runner }}"
      """;

  private static final String CONTRACT =
      """
      apiVersion: chainloop.dev/v1
      kind: Contract
      metadata:
        name: chainloop-vault-release
        description: Contract for Vault release workflow
      spec:
        materials:
          - {type: SBOM_CYCLONEDX_JSON, name: sbom}
          - {type: CONTAINER_IMAGE, name: image}
        policies:
          attestation:
            - ref: containers-with-sbom
          materials:
            - ref: artifact-signed
              gate: true
        policyGroups:
          - ref: sbom-quality
            with:
              bannedLicenses: AGPL-3.0-only, GPL-3.0-only
          - ref: slsa-checks
            with:
              runner: GITHUB_ACTION
        runner:
          type: GITHUB_ACTION
      """;

  private void setUp() throws IOException {
    Path docs = cli.write("vault-release.yaml", GROUPS + "---\n" + CONTRACT);
    Cli.Result applied = cli.run("apply", "-f", docs.toString(), "--token", token).ok();
    assertThat(applied.stderr())
        .contains("PolicyGroup/sbom-quality applied")
        .contains("PolicyGroup/slsa-checks applied")
        .contains("Contract/chainloop-vault-release applied");
    cli.run(
            "wf",
            "create",
            "--name",
            "vault",
            "--project",
            "vault",
            "--contract",
            "chainloop-vault-release",
            "-s",
            "--token",
            token)
        .ok();
  }

  /** One run: init, the SBOM, the image (signed unless told otherwise), push with the flags. */
  private Cli.Result attest(String license, boolean signed, String... pushFlags)
      throws IOException {
    cli.run("att", "init", "--workflow", "vault", "--token", token).ok();
    Path sbom = cli.write("sbom.cdx.json", PolicyIT.sbom(license));
    cli.run("att", "add", "--name", "sbom", "--value", sbom.toString(), "--token", token).ok();
    List<String> image =
        new ArrayList<>(List.of("att", "add", "--name", "image", "--value", IMAGE));
    if (signed) {
      image.addAll(List.of("--annotation", "signature=sha256:" + "b".repeat(64)));
    }
    image.addAll(List.of("--token", token));
    cli.run(image.toArray(String[]::new)).ok();
    List<String> push =
        new ArrayList<>(
            List.of("att", "push", "--key", cli.signingKey().toString(), "--token", token));
    push.addAll(List.of(pushFlags));
    return cli.run(push.toArray(String[]::new));
  }

  private void enforce(boolean enforced) {
    cli.run(
            "organization",
            "update",
            "--name",
            owner.org(),
            "--policy-strategy",
            enforced ? "ENFORCED" : "ADVISORY",
            "--token",
            owner.userToken())
        .ok();
  }

  @Test
  void vaultReleaseWithPolicyGroupsGatesAtPushAndTheBypassIsAudited() throws IOException {
    setUp();

    Cli.Result compliant = attest("MIT", true).ok();
    assertThat(compliant.stdout())
        .contains("Policies")
        .contains("containers-with-sbom")
        .contains("artifact-signed")
        .contains("sbom-banned-licenses")
        .contains("sbom-min-components")
        .contains("sbom-present")
        .contains("runner-is-ci")
        .doesNotContain("violation");

    Cli.Result advisory = attest("AGPL-3.0-only", true).ok();
    assertThat(advisory.stdout()).contains("component vault-lib@1.0 has a banned license");

    enforce(true);
    Cli.Result enforced = attest("AGPL-3.0-only", true);
    assertThat(enforced.exitCode()).as(enforced.toString()).isNotZero();
    assertThat(enforced.stderr())
        .contains("sbom-banned-licenses on sbom: component vault-lib@1.0 has a banned license")
        .contains("--exception-bypass-policy-check");

    // the refused run is still open locally: push it again, bypassing the check
    Cli.Result bypassed =
        cli.run(
                "att",
                "push",
                "--key",
                cli.signingKey().toString(),
                "--token",
                token,
                "--exception-bypass-policy-check")
            .ok();
    assertThat(bypassed.stderr()).contains("bypassed");
    Cli.Result audit =
        cli.run(
                "org",
                "audit",
                "list",
                "--org",
                owner.org(),
                "--limit",
                "100",
                "--token",
                owner.userToken())
            .ok();
    assertThat(audit.stdout())
        .contains("attestation.policy_check_bypassed")
        .contains("policy_group.created");

    // the gated material policy blocks under ADVISORY too
    enforce(false);
    Cli.Result unsigned = attest("MIT", false);
    assertThat(unsigned.exitCode()).as(unsigned.toString()).isNotZero();
    assertThat(unsigned.stderr())
        .contains("artifact-signed on image: CONTAINER_IMAGE image has no signature annotation");
    cli.run("att", "reset", "--token", token).ok();

    // the stored results name the group each policy came from
    String runId =
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
            .ok()
            .stdout()
            .lines()
            .filter(l -> l.contains("vault/vault"))
            .findFirst()
            .orElseThrow()
            .split("│")[1]
            .trim();
    Cli.Result describe =
        cli.run("wf", "run", "describe", "--id", runId, "-o", "json", "--token", token).ok();
    assertThat(describe.stdout().replaceAll("\\s", ""))
        .contains("\"policy\":\"sbom-banned-licenses\",\"revision\":1,\"group\":\"sbom-quality\"")
        .contains("\"policy\":\"runner-is-ci\",\"revision\":1,\"group\":\"slsa-checks\"")
        .contains("\"policy\":\"artifact-signed\",\"revision\":1,\"gate\":true");
  }

  @Test
  void groupsAreListedDescribedAndUnknownRefsAreRefusedNamingThem() throws IOException {
    setUp();
    Cli.Result list = cli.run("policy-group", "list", "--token", token).ok();
    assertThat(list.stdout()).contains("sbom-quality").contains("slsa-checks");
    Cli.Result describe =
        cli.run("policy-group", "describe", "--name", "sbom-quality", "--token", token).ok();
    assertThat(describe.stdout()).contains("{{ inputs.bannedLicenses }}");

    // an unknown group, on update and on create
    Path unknown =
        cli.write("unknown.yaml", CONTRACT.replace("ref: slsa-checks", "ref: no-such-group"));
    Cli.Result update = cli.run("apply", "-f", unknown.toString(), "--token", token);
    assertThat(update.exitCode()).isNotZero();
    assertThat(update.stderr())
        .contains("spec.policyGroups[1].ref: unknown policy group \"no-such-group\"");
    Path created =
        cli.write(
            "created.yaml",
            CONTRACT
                .replace("name: chainloop-vault-release", "name: other-release")
                .replace("ref: sbom-quality", "ref: no-such-group"));
    Cli.Result create = cli.run("apply", "-f", created.toString(), "--token", token);
    assertThat(create.exitCode()).isNotZero();
    assertThat(create.stderr())
        .contains("spec.policyGroups[0].ref: unknown policy group \"no-such-group\"");
    assertThat(create.stderr().lines().filter(l -> l.startsWith("ERR"))).hasSize(1);

    // a group naming an unknown policy, and a skip naming no policy of the group
    Path badGroup =
        cli.write(
            "bad-group.yaml",
            GROUPS.substring(GROUPS.indexOf("---") + 4).replace("runner-is-ci", "no-such-policy"));
    Cli.Result bad = cli.run("apply", "-f", badGroup.toString(), "--token", token);
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.stderr()).contains("unknown policy \"no-such-policy\"");
    Path skip =
        cli.write(
            "skip.yaml",
            CONTRACT.replace(
                "runner: GITHUB_ACTION\n  runner:",
                "runner: GITHUB_ACTION\n      skip: [nope]\n  runner:"));
    Cli.Result skipped = cli.run("apply", "-f", skip.toString(), "--token", token);
    assertThat(skipped.exitCode()).isNotZero();
    assertThat(skipped.stderr()).contains("policy group \"slsa-checks\" has no policy \"nope\"");

    // a group in use can be deleted: the contract then says so at the next run, never passes it
    Cli.Result robot = cli.run("policy-group", "delete", "--name", "slsa-checks", "--token", token);
    assertThat(robot.stderr()).contains("lacks the permission workflow_contract:delete");
    cli.run(
            "policy-group",
            "delete",
            "--name",
            "slsa-checks",
            "--org",
            owner.org(),
            "--token",
            owner.userToken())
        .ok();
    assertThat(cli.run("policy-group", "list", "--token", token).ok().stdout())
        .doesNotContain("slsa-checks");
    Cli.Result init = cli.run("att", "init", "--workflow", "vault", "--token", token);
    assertThat(init.exitCode()).isNotZero();
    assertThat(init.stderr())
        .contains("policy group \"slsa-checks\" attached by the contract no longer exists");
  }
}
