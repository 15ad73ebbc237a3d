package dev.chainloop.ee.contract;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RunnerType} as its upstream name, the text the column always held. */
@Converter
public class RunnerTypeConverter implements AttributeConverter<RunnerType, String> {
  @Override
  public String convertToDatabaseColumn(RunnerType type) {
    return type == null ? null : type.wire();
  }

  /** Rows from before runner types were checked may hold any text: those read as unknown. */
  @Override
  public RunnerType convertToEntityAttribute(String value) {
    return value == null ? null : RunnerType.parse(value).orElse(null);
  }
}
