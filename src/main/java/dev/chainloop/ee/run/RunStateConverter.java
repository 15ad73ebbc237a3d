package dev.chainloop.ee.run;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RunState} as its lower-case database word ({@code initialized}, ...). */
@Converter
public class RunStateConverter implements AttributeConverter<RunState, String> {
  @Override
  public String convertToDatabaseColumn(RunState state) {
    return state == null ? null : state.db();
  }

  @Override
  public RunState convertToEntityAttribute(String value) {
    return value == null ? null : RunState.ofDb(value);
  }
}
