package dev.chainloop.ee.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
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
}
