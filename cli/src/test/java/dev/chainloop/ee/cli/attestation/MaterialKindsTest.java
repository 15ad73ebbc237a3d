package dev.chainloop.ee.cli.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.shared.MaterialKinds;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every material kind through {@code attestation add}, on a dry-run state (no control plane). */
class MaterialKindsTest {
  @TempDir Path dir;

  static Stream<String> kinds() {
    return MaterialKinds.ALL.stream();
  }

  static Stream<String> checkedKinds() {
    return MaterialKinds.ALL.stream()
        .filter(k -> Materials.isFile(k, "") && !Materials.UNCHECKED.contains(k));
  }

  @Test
  void all42KindsAreKnown() {
    assertThat(MaterialKinds.ALL).hasSize(42).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aValidValueOfEachKindIsAdded(String kind) throws IOException {
    Path state = dryRunState();
    String value = MaterialFixtures.valid(kind, dir);
    CliRunner.Result r =
        cli()
            .run(
                "attestation",
                "add",
                "--local-state-path",
                state.toString(),
                "--name",
                "m",
                "--kind",
                kind,
                "--value",
                value,
                "-o",
                "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"kind\": \"" + kind + "\"");
    assertThat(Files.readString(state)).contains("\"kind\":\"" + kind + "\"");
  }

  @ParameterizedTest
  @MethodSource("checkedKinds")
  void aWrongFileIsRefusedNamingTheKind(String kind) throws IOException {
    CliRunner.Result r =
        cli()
            .run(
                "attestation",
                "add",
                "--local-state-path",
                dryRunState().toString(),
                "--kind",
                kind,
                "--value",
                MaterialFixtures.wrong(dir));
    assertThat(r.code()).isNotZero();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("invalid material of kind " + kind + ": ");
  }

  @ParameterizedTest
  @MethodSource("detectableKinds")
  void autoDetectionFindsEachDetectableKind(String kind) throws IOException {
    assertThat(Materials.detect(MaterialFixtures.valid(kind, dir), true)).isEqualTo(kind);
  }

  static Stream<String> detectableKinds() {
    // GHAS_* arrays also fit the GITLEAKS_JSON shape when empty, but these are not empty
    return Materials.DETECT_ORDER.stream();
  }

  @Test
  void valuesThatAreNotFilesAreImagesOrStrings() {
    assertThat(Materials.detect(MaterialFixtures.IMAGE, true)).isEqualTo("CONTAINER_IMAGE");
    assertThat(Materials.detect("v1.2.3", true)).isEqualTo("STRING");
  }

  @Test
  void anUnknownFileIsAnArtifact() throws IOException {
    Path p = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    assertThat(Materials.detect(p.toString(), true)).isEqualTo("ARTIFACT");
  }

  @Test
  void noStrictValidationAcceptsASchemaInvalidCycloneDx() throws IOException {
    Path sbom =
        Files.writeString(
            dir.resolve("sbom.json"),
            "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"9.9\", \"components\": {}}");
    assertThat(Materials.validate("SBOM_CYCLONEDX_JSON", sbom.toString(), true))
        .hasValueSatisfying(reason -> assertThat(reason).contains("specVersion"));
    assertThat(Materials.validate("SBOM_CYCLONEDX_JSON", sbom.toString(), false)).isEmpty();
    CliRunner.Result strict =
        cli()
            .run(
                "attestation",
                "add",
                "--local-state-path",
                dryRunState().toString(),
                "--kind",
                "SBOM_CYCLONEDX_JSON",
                "--value",
                sbom.toString());
    assertThat(strict.code()).isNotZero();
    CliRunner.Result lenient =
        cli()
            .run(
                "attestation",
                "add",
                "--local-state-path",
                dryRunState().toString(),
                "--kind",
                "SBOM_CYCLONEDX_JSON",
                "--no-strict-validation",
                "--value",
                sbom.toString());
    assertThat(lenient.code()).as(lenient.err()).isZero();
  }

  @Test
  void aCycloneDxFileIsNotTakenForAnotherKind() throws IOException {
    String sbom = MaterialFixtures.valid("SBOM_CYCLONEDX_JSON", dir);
    assertThat(Materials.validate("SBOM_SPDX_JSON", sbom))
        .hasValueSatisfying(reason -> assertThat(reason).contains("SPDX"));
  }

  @Test
  void anUnknownKindIsRefused() {
    CliRunner.Result r =
        cli()
            .run(
                "attestation",
                "add",
                "--local-state-path",
                dryRunState().toString(),
                "--kind",
                "NOPE",
                "--value",
                "x");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("\"NOPE\" kind not found");
  }

  @Test
  void reservedAnnotationsAreRefused() throws IOException {
    CliRunner.Result r =
        cli()
            .run(
                "attestation",
                "add",
                "--local-state-path",
                dryRunState().toString(),
                "--kind",
                "STRING",
                "--value",
                "1.0",
                "--annotation",
                "chainloop.material.type=SBOM_CYCLONEDX_JSON");
    assertThat(r.code()).isNotZero();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("reserved for the system");
  }

  private CliRunner cli() {
    return new CliRunner(dir.resolve("home"));
  }

  private Path dryRunState() {
    Path state = dir.resolve("state-" + System.nanoTime() + ".json");
    try {
      Files.writeString(
          state,
          Json.createObjectBuilder()
              .add("attestationId", "")
              .add("initializedAt", "2024-05-13T12:23:00Z")
              .add(
                  "workflow",
                  Json.createObjectBuilder()
                      .add("id", "wf-1")
                      .add("name", "build")
                      .add("project", "core"))
              .add("organization", "acme")
              .add("annotations", Json.createObjectBuilder())
              .add("materials", Json.createArrayBuilder())
              .add("dryRun", true)
              .build()
              .toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return state;
  }
}
