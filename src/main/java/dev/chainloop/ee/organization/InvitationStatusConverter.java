package dev.chainloop.ee.organization;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link InvitationStatus} as its lower-case word, as the column always held. */
@Converter
public class InvitationStatusConverter implements AttributeConverter<InvitationStatus, String> {
  @Override
  public String convertToDatabaseColumn(InvitationStatus status) {
    return status == null ? null : status.wire();
  }

  @Override
  public InvitationStatus convertToEntityAttribute(String value) {
    return value == null ? null : InvitationStatus.ofWire(value);
  }
}
