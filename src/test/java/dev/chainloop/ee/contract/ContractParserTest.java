package dev.chainloop.ee.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractParserTest {
  @Test
  void v2YamlYieldsMaterialsRunnerEnvAndAnnotations() {
    ContractParser.Parsed p =
        ContractParser.parse(
            """
            apiVersion: chainloop.dev/v1
            kind: Contract
            metadata:
              name: c
            spec:
              materials:
                - {type: ARTIFACT, name: bin, output: true, annotations: [{name: a, value: b}]}
              envAllowList: [X]
              runner: {type: GITLAB_PIPELINE}
              annotations: [{name: team}]
            """);
    assertThat(p.name()).contains("c");
    assertThat(p.format()).isEqualTo("yaml");
    assertThat(p.materials())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.type()).isEqualTo("ARTIFACT");
              assertThat(m.output()).isTrue();
              assertThat(m.optional()).isFalse();
              assertThat(m.annotations()).extracting(a -> a.value()).containsExactly("b");
            });
    assertThat(p.envAllowList()).containsExactly("X");
    assertThat(p.runnerType()).isEqualTo(RunnerType.GITLAB_PIPELINE);
    assertThat(p.annotations()).extracting(a -> a.value()).containsExactly("");
  }

  @Test
  void legacyV1JsonHasNoName() {
    ContractParser.Parsed p =
        ContractParser.parse(
            "{\"schemaVersion\":\"v1\",\"materials\":[{\"type\":\"STRING\",\"name\":\"v\"}]}");
    assertThat(p.name()).isEmpty();
    assertThat(p.format()).isEqualTo("json");
    assertThat(p.materials()).hasSize(1);
  }

  @Test
  void missingHeaderAndDuplicateKeysAreRejected() {
    assertThatThrownBy(() -> ContractParser.parse("spec: {}\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("apiVersion")
        .hasMessageContaining("metadata.name");
    assertThatThrownBy(() -> ContractParser.parse("schemaVersion: v1\nschemaVersion: v1\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void policiesAttachToMaterialsAndTheAttestationAsUpstream() {
    ContractParser.Parsed p =
        ContractParser.parse(
            """
            apiVersion: chainloop.dev/v1
            kind: Contract
            metadata: {name: vault-release}
            spec:
              materials:
                - {type: SBOM_CYCLONEDX_JSON, name: sbom}
              policies:
                materials:
                  - ref: sbom-banned-licenses
                    with:
                      bannedLicenses: [AGPL-3.0-only, GPL-3.0-only]
                    gate: true
                  - ref: chainloop://sbom-min-components
                    selector: {name: sbom}
                attestation:
                  - ref: sbom-present
            """);
    assertThat(p.policies())
        .extracting(
            a ->
                a.target()
                    + " "
                    + a.ref()
                    + " "
                    + a.with()
                    + " "
                    + a.gate()
                    + " "
                    + a.selectorName())
        .containsExactly(
            "MATERIALS sbom-banned-licenses {bannedLicenses=AGPL-3.0-only,GPL-3.0-only} true null",
            "MATERIALS sbom-min-components {} false sbom",
            "ATTESTATION sbom-present {} false null");
  }

  @Test
  void whatCannotBeEnforcedIsRefusedNotIgnored() {
    assertThatThrownBy(
            () ->
                ContractParser.parse(
                    """
                    apiVersion: chainloop.dev/v1
                    kind: Contract
                    metadata: {name: c}
                    spec:
                      policies:
                        materials:
                          - embedded: "package main"
                          - ref: file://policy.yaml
                          - {with: {a: b}}
                      policyGroups:
                        - ref: https://example.com/group.yaml
                        - {with: {a: b}}
                        - {ref: g, gate: maybe}
                    """))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("spec.policies.materials[0].embedded: embedded (Rego)")
        .hasMessageContaining("CEL")
        .hasMessageContaining("spec.policies.materials[1].ref: file:// refs")
        .hasMessageContaining("spec.policies.materials[2].ref: is required")
        .hasMessageContaining("spec.policyGroups[0].ref: must name a policy group")
        .hasMessageContaining("spec.policyGroups[1].ref: is required")
        .hasMessageContaining("spec.policyGroups[2].gate: must be true or false");
  }

  @Test
  void policyGroupsAreParsedWithInputsGateAndSkip() {
    var groups =
        ContractParser.parse(
                """
                apiVersion: chainloop.dev/v1
                kind: Contract
                metadata: {name: c}
                spec:
                  policyGroups:
                    - ref: sbom-quality
                      with:
                        bannedLicenses: GPL, AGPL
                      gate: true
                      skip: [sbom-min-components]
                    - ref: chainloop://slsa-checks
                """)
            .policyGroups();
    assertThat(groups)
        .containsExactly(
            new ContractRevisionView.PolicyGroupAttachment(
                "sbom-quality",
                Map.of("bannedLicenses", "GPL, AGPL"),
                true,
                List.of("sbom-min-components")),
            new ContractRevisionView.PolicyGroupAttachment(
                "slsa-checks", Map.of(), null, List.of()));
  }
}
