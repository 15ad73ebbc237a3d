package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.oci.ImageReference;
import dev.chainloop.ee.cli.oci.RegistryClient;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Container images and Helm charts stored as OCI artifacts, resolved at their registry as
 * upstream's crafter does: a tag becomes the digest the registry serves for it; the tag, whether
 * {@code latest} points at the same digest, and a cosign ({@code sha256-<hex>.sig} tag or an OCI
 * 1.1 referrer) or Notary signature are recorded as {@code chainloop.material.*} annotations. A
 * Helm chart must be one ({@code application/vnd.cncf.helm.config.v1+json}).
 *
 * <p>A reference pinned by digest ({@code name@sha256:...}) is recorded as given, without asking
 * the registry, so that pinned images can be attested offline.
 */
public final class OciMaterials {
  /** What the registry said about a reference. */
  public record Resolved(String digest, Map<String, String> annotations) {}

  static final String HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json";
  private static final Set<String> COSIGN_TYPES =
      Set.of(
          "application/vnd.dev.cosign.artifact.sig.v1+json",
          "application/vnd.dev.sigstore.bundle.v0.3+json",
          "application/vnd.dev.sigstore.bundle+json;version=0.3");
  private static final String NOTARY_TYPE = "application/vnd.cncf.notary.signature";

  private OciMaterials() {}

  /** Resolves {@code value} (with or without {@code oci://}) of {@code kind}. */
  public static Resolved resolve(String kind, String value, RegistryClient registry) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(Material.stripScheme(value));
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid material of kind " + kind + ": " + e.getMessage());
    }
    if (ref.tag() == null && kind.equals("CONTAINER_IMAGE")) {
      return new Resolved(ref.digest(), Map.of());
    }
    RegistryClient.Manifest manifest =
        registry
            .manifest(ref)
            .orElseThrow(
                () ->
                    new CliException(
                        "invalid material of kind "
                            + kind
                            + ": "
                            + ref
                            + " not found in registry "
                            + ref.registry()));
    if (kind.equals("HELM_CHART") && !HELM_CONFIG.equals(manifest.artifactType())) {
      throw new CliException(
          "invalid material of kind HELM_CHART: artifact type "
              + (manifest.artifactType().isEmpty() ? "(none)" : manifest.artifactType())
              + " does not match expected type "
              + HELM_CONFIG);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (ref.tag() != null) {
      annotations.put("chainloop.material.image.tag", ref.tag());
    }
    signature(ref, manifest.digest(), registry)
        .ifPresent(
            s -> {
              annotations.put("chainloop.material.signature.digest", s.digest());
              annotations.put("chainloop.material.signature.provider", s.provider());
              if (!s.payload().isEmpty()) {
                annotations.put("chainloop.material.signature", s.payload());
              }
            });
    annotations.put(
        "chainloop.material.image.is_latest_tag",
        String.valueOf(isLatest(ref, manifest.digest(), registry)));
    return new Resolved(manifest.digest(), Map.copyOf(annotations));
  }

  private record Signature(String digest, String provider, String payload) {}

  private static Optional<Signature> signature(
      ImageReference ref, String digest, RegistryClient registry) {
    String tag = "sha256-" + digest.substring("sha256:".length()) + ".sig";
    Optional<RegistryClient.Manifest> byTag = registry.manifest(ref.withTag(tag));
    if (byTag.isPresent()) {
      return Optional.of(
          new Signature(
              byTag.get().digest(),
              "cosign",
              Base64.getEncoder().encodeToString(byTag.get().body())));
    }
    for (JsonObject referrer : registry.referrers(ref, digest)) {
      String type = referrer.getString("artifactType", "");
      String provider =
          COSIGN_TYPES.contains(type) ? "cosign" : NOTARY_TYPE.equals(type) ? "notary" : null;
      String referrerDigest = referrer.getString("digest", "");
      if (provider != null && !referrerDigest.isEmpty()) {
        String payload =
            registry
                .manifest(new ImageReference(ref.registry(), ref.path(), null, referrerDigest))
                .map(m -> Base64.getEncoder().encodeToString(m.body()))
                .orElse("");
        return Optional.of(new Signature(referrerDigest, provider, payload));
      }
    }
    return Optional.empty();
  }

  private static boolean isLatest(ImageReference ref, String digest, RegistryClient registry) {
    if ("latest".equals(ref.tag())) {
      return true;
    }
    return registry
        .manifest(ref.withTag("latest"))
        .map(m -> m.digest().equals(digest))
        .orElse(false);
  }
}
