package dev.chainloop.ee.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyGroupDocumentTest {
  private static final String GROUP =
      """
      apiVersion: chainloop.dev/v1
      kind: PolicyGroup
      metadata:
        name: sbom-quality
        description: SBOM policies
      spec:
        inputs:
          - name: sbom_name
            default: sbom
          - name: bannedLicenses
            required: true
          - name: minComponents
        policies:
          materials:
            - name: "{{ inputs.sbom_name }}"
              type: SBOM_CYCLONEDX_JSON
              policies:
                - ref: sbom-banned-licenses
                  with:
                    bannedLicenses: "{{inputs.bannedLicenses}}"
                - ref: sbom-min-components
                  with:
                    minComponents: "{{ inputs.minComponents }}"
                  gate: true
          attestation:
            - ref: chainloop://sbom-present
      """;

  @Test
  void membersGetTheGroupsInputsFilledIn() {
    PolicyGroupDocument group = PolicyGroupDocument.parse(GROUP);
    assertThat(group.name()).isEqualTo("sbom-quality");
    Map<String, String> args =
        PolicyInputs.resolve(group.asInputs(), Map.of("bannedLicenses", "GPL-3.0-only"));
    assertThat(group.apply(args))
        .containsExactly(
            new PolicyGroupDocument.Applied(
                false,
                "sbom",
                "sbom-banned-licenses",
                Map.of("bannedLicenses", "GPL-3.0-only"),
                false),
            // a placeholder that fills to nothing leaves the input unset: its default applies
            new PolicyGroupDocument.Applied(false, "sbom", "sbom-min-components", Map.of(), true),
            new PolicyGroupDocument.Applied(true, null, "sbom-present", Map.of(), false));
    assertThat(group.policyNames())
        .containsExactly("sbom-banned-licenses", "sbom-min-components", "sbom-present");
  }

  @Test
  void groupInputsAreCheckedLikeAPolicysInputs() {
    PolicyGroupDocument group = PolicyGroupDocument.parse(GROUP);
    assertThatThrownBy(() -> PolicyInputs.resolve(group.asInputs(), Map.of()))
        .hasMessageContaining("requires the input \"bannedLicenses\"");
    assertThatThrownBy(
            () ->
                PolicyInputs.resolve(group.asInputs(), Map.of("bannedLicenses", "x", "nope", "y")))
        .hasMessageContaining("has no input \"nope\"");
  }

  @Test
  void badGroupsAreRefusedNamingEachProblem() {
    assertThatThrownBy(
            () ->
                PolicyGroupDocument.parse(
                    """
                    apiVersion: chainloop.dev/v1
                    kind: PolicyGroup
                    metadata: {name: Bad_Name}
                    spec:
                      policies:
                        materials:
                          - name: sbom
                            policies:
                              - embedded: "package main"
                              - ref: file://local.yaml
                              - ref: p
                                with: {x: "{{ inputs.undeclared }}", y: "{{ .runner }}"}
                        other: []
                    """))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("metadata.name")
        .hasMessageContaining("spec.policies.materials[0].type: is required")
        .hasMessageContaining("spec.policies.materials[0].policies[0]: Rego")
        .hasMessageContaining("spec.policies.materials[0].policies[1].ref")
        .hasMessageContaining("\"undeclared\", not an input of the group")
        .hasMessageContaining("only {{ inputs.NAME }} placeholders")
        .hasMessageContaining("spec.policies.other: unknown key");
    assertThatThrownBy(
            () ->
                PolicyGroupDocument.parse(
                    "apiVersion: chainloop.dev/v1\nkind: PolicyGroup\nmetadata: {name: g}\n"))
        .hasMessageContaining("must attach at least one policy");
    assertThatThrownBy(() -> PolicyGroupDocument.parse(GROUP.replace("PolicyGroup", "Policy")))
        .hasMessageContaining("kind: must be PolicyGroup");
  }
}
