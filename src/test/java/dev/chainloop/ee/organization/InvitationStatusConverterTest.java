package dev.chainloop.ee.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvitationStatusConverterTest {
  @Test
  void invitationStatusesAreStoredAsTheirLowerCaseWords() {
    InvitationStatusConverter converter = new InvitationStatusConverter();
    assertThat(converter.convertToDatabaseColumn(InvitationStatus.PENDING)).isEqualTo("pending");
    assertThat(converter.convertToDatabaseColumn(InvitationStatus.ACCEPTED)).isEqualTo("accepted");
    assertThat(converter.convertToDatabaseColumn(InvitationStatus.REVOKED)).isEqualTo("revoked");
    for (InvitationStatus status : InvitationStatus.values()) {
      assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(status)))
          .isEqualTo(status);
    }
  }
}
