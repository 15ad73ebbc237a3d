package dev.chainloop.ee.artifact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an organization's CAS backend keeps the bytes; {@link #wire()} is upstream's provider. */
public enum CasBackendKind {
  /** The deployment's own store ({@code chainloop.cas.backend}: filesystem or database). */
  BUILTIN("BUILTIN"),
  /** Small materials in the control plane's database. */
  INLINE("INLINE"),
  /** Blobs of an OCI repository (the distribution API). */
  OCI("OCI"),
  /** An S3 bucket, or a bucket of an S3-compatible store at an endpoint. */
  AWS_S3("AWS-S3");

  private final String wire;

  CasBackendKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** {@code oci}, {@code aws-s3}, ... as the CLI names them. */
  static Optional<CasBackendKind> parse(String name) {
    String v = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(k -> k.wire.equals(v)).findFirst();
  }
}
