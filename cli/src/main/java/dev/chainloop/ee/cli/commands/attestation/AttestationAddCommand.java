package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.Materials;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

public final class AttestationAddCommand extends LeafCommand {
  @Override
  public String name() {
    return "add";
  }

  @Override
  public String shortDescription() {
    return "add a material to the attestation";
  }

  @Override
  public String example() {
    return """
          chainloop attestation add --name sbom --value sbom.cdx.json
          chainloop attestation add --value ./dist/app.tar.gz --kind ARTIFACT""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string(
            "value", "value to be recorded: a file path, an image name@sha256:digest or a string")
        .required();
    flags.string("name", "name of the material as shown in the contract");
    flags.string(
        "kind", "kind of the material to be recorded: " + String.join(", ", Materials.KINDS));
    flags.strings("annotation", "additional annotation in the format of key=value");
    AttestationView.stateFlag(flags);
    AttestationView.attestationIdFlag(flags);
  }

  @Override
  public void run(CliContext ctx) {
    AttestationView.Loaded loaded = AttestationView.load(ctx);
    JsonObject state = loaded.state();
    String value = ctx.flags().string("value");
    String name = ctx.flags().string("name").trim();
    JsonObject spec =
        Json.objects(state.getJsonArray("contractMaterials")).stream()
            .filter(s -> Json.str(s, "name").equals(name))
            .findFirst()
            .orElse(null);
    String kind =
        ctx.flags()
            .nonBlank("kind")
            .map(Materials::normalizeKind)
            .orElse(spec != null ? Json.str(spec, "type") : Materials.detect(value));
    Materials.validate(kind, value)
        .ifPresent(
            reason -> {
              throw new CliException("invalid material of kind " + kind + ": " + reason);
            });
    String materialName = name.isEmpty() ? "material-" + System.nanoTime() : name;
    JsonObjectBuilder m =
        Json.object()
            .add("name", materialName)
            .add("kind", kind)
            .add("value", value)
            .add("output", spec != null && Json.bool(spec, "output"))
            .add(
                "annotations",
                AttestationView.annotations(ctx.flags().strings("annotation"), null));
    String digest;
    if (Materials.isFileKind(kind)) {
      Path file = Path.of(value);
      digest = Uploads.sha256(file);
      try {
        m.add("filename", file.getFileName().toString()).add("size", Files.size(file));
      } catch (java.io.IOException e) {
        throw new CliException("cannot read " + value, e);
      }
      if (!Json.bool(state, "dryRun")) {
        Uploads.upload(ctx, file, digest);
        m.add("uploaded", true);
      }
    } else if (kind.equals("CONTAINER_IMAGE")) {
      digest = value.substring(value.indexOf('@') + 1);
    } else {
      digest = Uploads.sha256(value);
      m.add("size", value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
    JsonObject material = m.add("digest", digest).build();
    JsonArrayBuilder materials = jakarta.json.Json.createArrayBuilder();
    Json.objects(state.getJsonArray("materials")).stream()
        .filter(x -> !Json.str(x, "name").equals(materialName))
        .forEach(materials::add);
    materials.add(material);
    AttestationView.save(
        ctx,
        loaded,
        jakarta.json.Json.createObjectBuilder(state).add("materials", materials).build());
    ctx.log().info("material(s) added to attestation");
    if (ctx.jsonOutput()) {
      ctx.printJson(material);
      return;
    }
    ctx.print(
        Table.describe()
            .row("Name", materialName)
            .row("Type", kind)
            .row("Required", spec != null && !Json.bool(spec, "optional") ? "Yes" : "No")
            .row("Is output", Json.bool(material, "output") ? "Yes" : "No")
            .row("Value", value)
            .row("Digest", digest)
            .row(
                "Annotations",
                String.join(
                    "\n",
                    Json.obj(material, "annotations").entrySet().stream()
                        .map(
                            e ->
                                e.getKey()
                                    + ": "
                                    + Json.str(Json.obj(material, "annotations"), e.getKey()))
                        .toList())));
  }
}
