package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import jakarta.json.JsonObject;

public final class CasBackendAddS3Command extends CasBackendAddCommand {
  @Override
  public String name() {
    return "aws-s3";
  }

  @Override
  public String shortDescription() {
    return "Register a AWS S3 storage bucket";
  }

  @Override
  protected void defineProviderFlags(FlagSet flags) {
    flags.string("bucket", "S3 bucket name").required();
    flags.string("access-key-id", "AWS Access Key ID").required();
    flags.string("secret-access-key", "AWS Secret Access Key").required();
    flags.string("region", "AWS region for the bucket");
    flags.string("endpoint", "Custom Endpoint URL for other S3 compatible backends i.e MinIO");
  }

  @Override
  protected String provider() {
    return "AWS-S3";
  }

  /** As upstream: the bucket, preceded by a custom endpoint. */
  @Override
  protected String location(CliContext ctx) {
    String bucket = ctx.flags().string("bucket").trim();
    return ctx.flags()
        .nonBlank("endpoint")
        .map(e -> e.trim().replaceAll("/+$", "") + "/" + bucket)
        .orElse(bucket);
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
