package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.shared.Dsse;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Sigstore bundle v0.3 JSON around a DSSE envelope, as the bundle schema defines it. The
 * verification material is the signer's certificate (keyless), or for a key-signed bundle a {@code
 * publicKey.hint} naming the key (hex SHA-256 of its DER SPKI): verifiers get the key itself out of
 * band ({@code --key}; the control plane, beside the bundle at push).
 */
public final class Bundles {
  public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  private Bundles() {}

  /** A bundle without a timestamp (key-signed bundles need none). */
  public static byte[] sign(
      byte[] statement, PrivateKey key, PublicKey publicKey, X509Certificate certOrNull)
      throws GeneralSecurityException {
    return sign(statement, key, publicKey, certOrNull, null);
  }

  /**
   * @param tsaOrNull a timestamp authority (DER TimeStampReq in, TimeStampResp out) to stamp the
   *     signature with, so verifiers can tell it was made while the certificate was valid; null for
   *     none
   */
  public static byte[] sign(
      byte[] statement,
      PrivateKey key,
      PublicKey publicKey,
      X509Certificate certOrNull,
      UnaryOperator<byte[]> tsaOrNull)
      throws GeneralSecurityException {
    byte[] sig = Dsse.sign(key, Dsse.IN_TOTO_PAYLOAD_TYPE, statement);
    Base64.Encoder b64 = Base64.getEncoder();
    var material = Json.createObjectBuilder();
    if (certOrNull != null) {
      material.add(
          "certificate",
          Json.createObjectBuilder().add("rawBytes", b64.encodeToString(certOrNull.getEncoded())));
    } else {
      material.add("publicKey", Json.createObjectBuilder().add("hint", keyId(publicKey)));
    }
    // No transparency log here: the list is empty, which Sigstore's verifiers need present.
    material.add("tlogEntries", Json.createArrayBuilder());
    if (tsaOrNull != null) {
      material.add(
          "timestampVerificationData",
          Json.createObjectBuilder()
              .add(
                  "rfc3161Timestamps",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add(
                                  "signedTimestamp",
                                  b64.encodeToString(Timestamps.of(sig, tsaOrNull))))));
    }
    JsonObject bundle =
        Json.createObjectBuilder()
            .add("mediaType", MEDIA_TYPE)
            .add("verificationMaterial", material)
            .add(
                "dsseEnvelope",
                Json.createObjectBuilder()
                    .add("payload", b64.encodeToString(statement))
                    .add("payloadType", Dsse.IN_TOTO_PAYLOAD_TYPE)
                    .add(
                        "signatures",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("sig", b64.encodeToString(sig))
                                    .add("keyid", ""))))
            .build();
    return bundle.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String keyId(PublicKey key) throws GeneralSecurityException {
    return Sha256.keyHint(key.getEncoded());
  }

  /**
   * The statement a bundle's DSSE envelope carries, read without verifying it (for display: what
   * {@code workflow run describe -o statement} prints).
   */
  public static JsonObject statement(byte[] bundleBytes) {
    try (var r = Json.createReader(new ByteArrayInputStream(payload(parse(bundleBytes))))) {
      return r.readObject();
    }
  }

  /** The bundle as a JSON document (what {@code workflow run describe -o attestation} prints). */
  public static JsonObject parse(byte[] bundleBytes) {
    try (var r = Json.createReader(new ByteArrayInputStream(bundleBytes))) {
      return r.readObject();
    }
  }

  /**
   * The DSSE pre-authentication encoding of the bundle's payload: the bytes its signature covers,
   * so external tools can check it ({@code workflow run describe -o payload-pae}).
   */
  public static byte[] payloadPae(byte[] bundleBytes) {
    JsonObject bundle = parse(bundleBytes);
    String type = str(obj(bundle, "dsseEnvelope"), "payloadType");
    return Dsse.pae(type == null ? "" : type, payload(bundle));
  }

  private static byte[] payload(JsonObject bundle) {
    String payload = str(obj(bundle, "dsseEnvelope"), "payload");
    return Base64.getDecoder().decode(payload == null ? "" : payload);
  }

  /** The outcome of an offline check. */
  public record Verification(boolean verified, String reason, JsonObject statement) {}

  /**
   * Checks the DSSE signature with {@code expectedKey}, or else with the bundle's certificate,
   * which must be issued by one of {@code trustedCas} (a control plane whose signing CA rotated
   * trusts the old ones too) and be valid when the signature was made; the bundle's RFC 3161
   * timestamps must be signed by one of {@code timestampSigners} (null: not checked, for a bundle
   * checked with a key given locally, which needs no signing time).
   */
  public static Verification verify(
      byte[] bundleBytes,
      PublicKey expectedKey,
      List<X509Certificate> trustedCas,
      List<X509Certificate> timestampSigners) {
    JsonObject bundle;
    try (var r = Json.createReader(new ByteArrayInputStream(bundleBytes))) {
      bundle = r.readObject();
    } catch (RuntimeException e) {
      return new Verification(false, "not a JSON bundle", null);
    }
    JsonObject env = obj(bundle, "dsseEnvelope");
    String type = str(env, "payloadType");
    if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(type)) {
      return new Verification(false, "unexpected payloadType " + type, null);
    }
    byte[] payload;
    try {
      payload = Base64.getDecoder().decode(str(env, "payload"));
    } catch (RuntimeException e) {
      return new Verification(false, "invalid payload encoding", null);
    }
    PublicKey key = expectedKey;
    X509Certificate leaf = null;
    if (key == null) {
      JsonObject cert = obj(obj(bundle, "verificationMaterial"), "certificate");
      if (cert == null || str(cert, "rawBytes") == null) {
        return new Verification(
            false, "the bundle carries no certificate: pass the public key with --key", null);
      }
      leaf = Keys.certificate(Base64.getDecoder().decode(str(cert, "rawBytes")));
      if (!issuedByOneOf(leaf, trustedCas)) {
        return new Verification(
            false, "the signing certificate is not issued by the control plane's CA", null);
      }
      key = leaf.getPublicKey();
    }
    JsonArray sigs =
        env != null && env.get("signatures") instanceof JsonArray a
            ? a
            : JsonValue.EMPTY_JSON_ARRAY;
    boolean ok = false;
    byte[] first = null;
    boolean firstOk = false;
    for (JsonValue v : sigs) {
      if (v instanceof JsonObject s && str(s, "sig") != null) {
        try {
          byte[] sig = Base64.getDecoder().decode(str(s, "sig"));
          boolean valid = Dsse.verify(key, type, payload, sig);
          if (first == null) {
            first = sig;
            firstOk = valid;
          }
          ok |= valid;
        } catch (IllegalArgumentException ignored) {
          // not base64: not a valid signature
        }
      }
    }
    if (!ok) {
      return new Verification(false, "the signature does not verify", null);
    }
    List<Instant> stamped = new ArrayList<>();
    JsonObject data = obj(obj(bundle, "verificationMaterial"), "timestampVerificationData");
    JsonArray stamps =
        timestampSigners != null
                && data != null
                && data.get("rfc3161Timestamps") instanceof JsonArray a
            ? a
            : JsonValue.EMPTY_JSON_ARRAY;
    if (!stamps.isEmpty() && !firstOk) {
      // Timestamps stamp the first signature, as Sigstore's verifiers read them.
      return new Verification(false, "the timestamped (first) signature does not verify", null);
    }
    for (JsonValue v : stamps) {
      try {
        String encoded = v instanceof JsonObject o ? str(o, "signedTimestamp") : null;
        stamped.add(
            Timestamps.verify(
                Base64.getDecoder().decode(encoded == null ? "" : encoded),
                first,
                timestampSigners));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return new Verification(false, e.getMessage(), null);
      }
    }
    JsonObject statement;
    try (var r = Json.createReader(new ByteArrayInputStream(payload))) {
      statement = r.readObject();
    } catch (RuntimeException e) {
      return new Verification(false, "the payload is not JSON", null);
    }
    if (leaf != null) {
      String reason =
          stamped.isEmpty() ? validAtClaimedTime(leaf, statement) : validAt(leaf, stamped);
      if (reason != null) {
        return new Verification(false, reason, null);
      }
    }
    return new Verification(true, null, statement);
  }

  private static boolean issuedByOneOf(X509Certificate leaf, List<X509Certificate> cas) {
    for (X509Certificate ca : cas) {
      if (!ca.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        continue;
      }
      try {
        leaf.verify(ca.getPublicKey());
        return true;
      } catch (GeneralSecurityException e) {
        // another CA of the same name, or not this one's signature: try the next
      }
    }
    return false;
  }

  /**
   * Keyless certificates live minutes: the signature counts only if it was made while the
   * certificate was valid, which its verified timestamps show.
   */
  private static String validAt(X509Certificate leaf, List<Instant> stamped) {
    for (Instant t : stamped) {
      try {
        leaf.checkValidity(java.util.Date.from(t));
      } catch (java.security.cert.CertificateException e) {
        return "the signing certificate was not valid at the signature's timestamp " + t;
      }
    }
    return null;
  }

  /**
   * For a bundle without a timestamp (written before keyless bundles carried one): the signing time
   * the statement claims, its finishedAt, set right before signing; read only once the signature
   * verified.
   */
  private static String validAtClaimedTime(X509Certificate leaf, JsonObject statement) {
    String signedAt = str(obj(obj(statement, "predicate"), "metadata"), "finishedAt");
    if (signedAt == null) {
      return "the statement carries no signing time (predicate.metadata.finishedAt)";
    }
    try {
      leaf.checkValidity(java.util.Date.from(java.time.Instant.parse(signedAt)));
      return null;
    } catch (java.time.format.DateTimeParseException e) {
      return "the signing time " + signedAt + " is not an RFC 3339 instant";
    } catch (java.security.cert.CertificateException e) {
      return "the signing certificate was not valid at the signing time " + signedAt;
    }
  }

  static JsonObject obj(JsonObject o, String k) {
    return o != null && o.get(k) instanceof JsonObject n ? n : null;
  }

  static String str(JsonObject o, String k) {
    return o != null && o.get(k) instanceof JsonString s ? s.getString() : null;
  }
}
