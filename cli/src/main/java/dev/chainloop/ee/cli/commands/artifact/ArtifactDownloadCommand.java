package dev.chainloop.ee.cli.commands.artifact;

import dev.chainloop.ee.cli.commands.attestation.Uploads;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

public final class ArtifactDownloadCommand extends LeafCommand {
  @Override
  public String name() {
    return "download";
  }

  @Override
  public String shortDescription() {
    return "download an artifact from the content-addressable storage";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string("digest", "digest of the file to download, sha256:<hex>")
        .shorthand("d")
        .required();
    flags.string("path", "directory to download the file into (default: current directory)");
    flags.string("output", "file to write to, or - for standard output");
  }

  @Override
  public void run(CliContext ctx) throws Exception {
    String digest = ctx.flags().string("digest").trim();
    String output = ctx.flags().string("output");
    if (!output.isEmpty() && ctx.flags().nonBlank("path").isPresent()) {
      throw new UsageException("--path and --output are mutually exclusive");
    }
    String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
    if (output.equals("-")) {
      ctx.api().downloadArtifact("sha256:" + hex, ctx.out());
      ctx.out().flush();
      return;
    }
    Path target =
        !output.isEmpty()
            ? Path.of(output)
            : Path.of(ctx.flags().nonBlank("path").orElse(".")).resolve(hex);
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "download", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ctx.api().downloadArtifact("sha256:" + hex, out);
      }
      if (!Uploads.sha256(tmp).equals("sha256:" + hex)) {
        throw new CliException(
            "checksum mismatch: the downloaded content does not match " + digest);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    ctx.log().info("downloaded " + target);
  }
}
