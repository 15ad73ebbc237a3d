package dev.chainloop.ee.platform.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link CiIdentity} as its JSON form in one column; null stays null. */
@Converter
public class CiIdentityConverter implements AttributeConverter<CiIdentity, String> {
  /** The column length both entities that store one use. */
  public static final int COLUMN_LENGTH = 4000;

  @Override
  public String convertToDatabaseColumn(CiIdentity identity) {
    return identity == null ? null : identity.toJson();
  }

  @Override
  public CiIdentity convertToEntityAttribute(String json) {
    return json == null ? null : CiIdentity.fromJson(json);
  }
}
