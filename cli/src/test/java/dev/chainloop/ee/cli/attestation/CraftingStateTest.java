package dev.chainloop.ee.cli.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CraftingStateTest {
  /** A state file as `attestation init` and `add` wrote it before the state became a record. */
  static final String WRITTEN =
      "{\"attestationId\":\"run-1\",\"initializedAt\":\"2026-03-03T11:06:00Z\","
          + "\"workflow\":{\"id\":\"wf-1\",\"name\":\"build\",\"project\":\"core\",\"team\":\"infra\"},"
          + "\"organization\":\"acme\",\"contractName\":\"build-contract\",\"contractRevision\":2,"
          + "\"contractMaterials\":[{\"name\":\"sbom\",\"type\":\"SBOM_CYCLONEDX_JSON\","
          + "\"optional\":false,\"output\":true,\"annotations\":[]}],"
          + "\"runnerType\":\"GITHUB_ACTION\",\"runnerUrl\":\"https://github.com/o/r/actions/runs/1\","
          + "\"annotations\":{\"owner\":\"team-a\"},"
          + "\"materials\":[{\"name\":\"sbom\",\"kind\":\"SBOM_CYCLONEDX_JSON\",\"value\":\"/w/sbom.json\","
          + "\"output\":true,\"annotations\":{},\"filename\":\"sbom.json\",\"size\":58,\"uploaded\":true,"
          + "\"digest\":\"sha256:aa\"},{\"name\":\"version\",\"kind\":\"STRING\",\"value\":\"1.2.3\","
          + "\"output\":false,\"annotations\":{\"k\":\"v\"},\"size\":5,\"digest\":\"sha256:bb\"}],"
          + "\"dryRun\":false,\"remoteState\":true}";

  @Test
  void aStateFileReadsAndIsWrittenBackByteForByte() {
    CraftingState state = CraftingState.parse(WRITTEN);

    assertThat(state.toJson().toString()).isEqualTo(WRITTEN);
  }

  @Test
  void fieldsReadTyped() {
    CraftingState state = CraftingState.parse(WRITTEN);

    assertThat(state.workflow().team()).isEqualTo("infra");
    assertThat(state.contractRevision()).isEqualTo(2);
    assertThat(state.contractMaterials()).singleElement().matches(s -> s.output() && !s.optional());
    assertThat(state.annotations()).containsExactly(Map.entry("owner", "team-a"));
    Material version = state.materials().get(1);
    assertThat(version.filename()).isNull();
    assertThat(version.size()).isEqualTo(5L);
    assertThat(version.uploaded()).isFalse();
    assertThat(version.descriptorName()).isEqualTo("1.2.3");
    assertThat(state.remoteState()).isTrue();
  }

  @Test
  void replacingMaterialsOrAnnotationsKeepsTheRest() {
    CraftingState state = CraftingState.parse(WRITTEN);

    CraftingState changed =
        state.withMaterials(List.of(state.materials().get(0))).withAnnotations(Map.of("a", "b"));

    assertThat(changed.materials()).hasSize(1);
    assertThat(changed.annotationsJson().toString()).isEqualTo("{\"a\":\"b\"}");
    assertThat(changed.attestationId()).isEqualTo("run-1");
    assertThat(changed.contractMaterials()).hasSize(1);
  }

  @Test
  void contractTermsFixTheirValuesLeaveTheOthersUnsetAndSurviveTheStateFile() {
    CraftingState state =
        CraftingState.parse(WRITTEN)
            .withAnnotations(Map.of("tier", "bronze", "owner", "team-a"))
            .withContractTerms(Map.of("tier", "gold"), Map.of("BUILD_ID", "77"));
    CraftingState withOpen =
        state.withContractTerms(Map.of("tier", "gold", "reviewer", ""), state.envVars());

    assertThat(state.annotations()).containsEntry("tier", "gold").containsEntry("owner", "team-a");
    assertThat(withOpen.annotations()).containsEntry("reviewer", null);
    CraftingState reread = CraftingState.parse(withOpen.toJson().toString());
    assertThat(reread.contractAnnotations())
        .containsEntry("reviewer", "")
        .containsEntry("tier", "gold");
    assertThat(reread.envVars()).containsExactly(Map.entry("BUILD_ID", "77"));
    assertThat(reread.annotations()).containsEntry("reviewer", null);
  }
}
