package dev.chainloop.ee.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CasBackendTest {
  private final Instant created = Instant.parse("2026-12-01T10:00:00Z");
  private final Instant later = created.plusSeconds(60);

  private CasBackend backend() {
    return new CasBackend("org", "registry", CasBackendKind.OCI, "ghcr.io/acme/cas", null, created);
  }

  @Test
  void aFailedValidationMarksItInvalidWithTheReasonAndAPassingOneClearsIt() {
    CasBackend b = backend();
    b.validated("registry ghcr.io is not reachable", later);
    assertThat(b.getValidationStatus()).isEqualTo(ValidationStatus.INVALID);
    assertThat(b.getValidationError()).isEqualTo("registry ghcr.io is not reachable");
    assertThat(b.getValidatedAt()).isEqualTo(later);
    b.validated(null, later.plusSeconds(1));
    assertThat(b.getValidationStatus()).isEqualTo(ValidationStatus.OK);
    assertThat(b.getValidationError()).isNull();
  }

  @Test
  void aLongReasonIsCutToTheColumn() {
    CasBackend b = backend();
    b.validated("x".repeat(2000), later);
    assertThat(b.getValidationError()).hasSize(512).endsWith("...");
  }

  @Test
  void onlyARealChangeOfTheFlagsMakesANewVersionOfTheRow() {
    CasBackend b = backend();
    b.makeDefault(false, later);
    b.makeFallback(false, later);
    assertThat(b.getUpdatedAt()).as("unchanged flags keep the cached client").isEqualTo(created);
    b.makeDefault(true, later);
    assertThat(b.isDefault()).isTrue();
    assertThat(b.getUpdatedAt()).isEqualTo(later);
  }

  @Test
  void credentialsAreSealedForThisRowOnly() {
    assertThat(backend().secretContext()).isNotEqualTo(backend().secretContext());
  }
}
