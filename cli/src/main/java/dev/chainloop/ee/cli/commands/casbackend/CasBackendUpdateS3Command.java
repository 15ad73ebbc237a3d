package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import jakarta.json.JsonObject;

public final class CasBackendUpdateS3Command extends CasBackendUpdateCommand {
  @Override
  public String name() {
    return "aws-s3";
  }

  @Override
  public String shortDescription() {
    return "Update a AWS S3 CAS Backend description, credentials, default status, or max bytes";
  }

  @Override
  protected void defineProviderFlags(FlagSet flags) {
    flags.string("access-key-id", "AWS Access Key ID");
    flags.string("secret-access-key", "AWS Secret Access Key");
    flags.string("region", "AWS region for the bucket");
  }

  @Override
  protected JsonObject credentials(CliContext ctx) {
    return CasBackendFlags.credentials(
        ctx,
        "access-key-id",
        "accessKeyID",
        "secret-access-key",
        "secretAccessKey",
        "region",
        "region");
  }
}
