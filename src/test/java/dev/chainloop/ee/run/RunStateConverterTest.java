package dev.chainloop.ee.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.contract.RunnerType;
import dev.chainloop.ee.contract.RunnerTypeConverter;
import org.junit.jupiter.api.Test;

/** The words stored before the enums existed are the words stored now. */
class RunStateConverterTest {
  @Test
  void runStatesAreStoredAsTheirLowerCaseWords() {
    RunStateConverter converter = new RunStateConverter();
    assertThat(converter.convertToDatabaseColumn(RunState.INITIALIZED)).isEqualTo("initialized");
    assertThat(converter.convertToDatabaseColumn(RunState.SUCCESS)).isEqualTo("success");
    assertThat(converter.convertToDatabaseColumn(RunState.ERROR)).isEqualTo("error");
    assertThat(converter.convertToDatabaseColumn(RunState.EXPIRED)).isEqualTo("expired");
    assertThat(converter.convertToDatabaseColumn(RunState.CANCELED)).isEqualTo("canceled");
    for (RunState state : RunState.values()) {
      assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(state)))
          .isEqualTo(state);
    }
    assertThatThrownBy(() -> converter.convertToEntityAttribute("running"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void runnerTypesAreStoredByTheirUpstreamNamesAndUnknownTextReadsAsNone() {
    RunnerTypeConverter converter = new RunnerTypeConverter();
    assertThat(converter.convertToDatabaseColumn(RunnerType.GITHUB_ACTION))
        .isEqualTo("GITHUB_ACTION");
    assertThat(converter.convertToDatabaseColumn(RunnerType.UNSPECIFIED))
        .isEqualTo("RUNNER_TYPE_UNSPECIFIED");
    for (RunnerType type : RunnerType.values()) {
      assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(type)))
          .isEqualTo(type);
    }
    assertThat(converter.convertToEntityAttribute("SOMETHING_ELSE")).isNull();
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
  }
}
