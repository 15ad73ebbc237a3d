package dev.chainloop.ee.cli.commands.artifact;

import dev.chainloop.ee.cli.commands.attestation.Uploads;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.Json;
import java.nio.file.Path;

public final class ArtifactUploadCommand extends LeafCommand {
  @Override
  public String name() {
    return "upload";
  }

  @Override
  public String shortDescription() {
    return "upload an artifact to the content-addressable storage";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("file", "path to the file to upload").shorthand("f").required();
  }

  @Override
  public void run(CliContext ctx) {
    Path file = Path.of(ctx.flags().string("file"));
    String digest = Uploads.sha256(file);
    Uploads.upload(ctx, file, digest);
    ctx.log().info("artifact uploaded: " + digest);
    if (ctx.jsonOutput()) {
      ctx.printJson(Json.createObjectBuilder().add("digest", digest).build());
    } else {
      ctx.out().println(digest);
    }
  }
}
