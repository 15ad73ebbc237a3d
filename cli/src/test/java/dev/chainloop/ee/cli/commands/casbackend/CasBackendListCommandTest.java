package dev.chainloop.ee.cli.commands.casbackend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.client.model.CasBackend;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CasBackendListCommandTest {
  private static CasBackend backend(boolean invalid) {
    var b =
        Json.createObjectBuilder()
            .add("id", "b1")
            .add("name", "registry")
            .add("provider", "OCI")
            .add("location", "ghcr.io/acme/cas")
            .add("description", "team registry")
            .add("maxBytes", 100L * 1024 * 1024)
            .add("isDefault", true)
            .add("fallback", false)
            .add("validationStatus", invalid ? "Invalid" : "OK")
            .add("createdAt", "2026-12-03T07:00:00Z")
            .add("validatedAt", "2026-12-03T07:05:00Z");
    if (invalid) {
      b.add("validationError", "registry ghcr.io is not reachable: ConnectException");
    }
    return new CasBackend(b.build());
  }

  @Test
  void upstreamsColumnsWithTheLimitAsBytefmtWritesIt() {
    String out = CasBackendListCommand.table(List.of(backend(false)), false).render();
    assertThat(out)
        .contains(
            "│ NAME     │ LOCATION         │ PROVIDER │ DESCRIPTION   │ LIMITS        │ DEFAULT │"
                + " FALLBACK │ STATUS │")
        .contains(
            "│ registry │ ghcr.io/acme/cas │ OCI      │ team registry │ MaxSize: 100M │ true    │"
                + " false    │ OK     │")
        .doesNotContain("CREATED AT");
  }

  @Test
  void fullAddsTheDatesAndAFailedValidationShowsItsReasonUnderTheStatus() {
    String out = CasBackendListCommand.table(List.of(backend(true)), true).render();
    assertThat(out).contains("CREATED AT").contains("VALIDATED AT").contains("03 Dec 26 07:05 UTC");
    assertThat(out)
        .contains("Invalid")
        .contains("registry ghcr.io is not reachable: ConnectExcepti");
  }

  @Test
  void longCellsWrapAtUpstreamsWidths() {
    assertThat(CasBackendListCommand.wrap("a".repeat(40), 35))
        .isEqualTo("a".repeat(35) + "\naaaaa");
    assertThat(CasBackendListCommand.wrap("", 35)).isEmpty();
  }
}
