package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.Violation;
import dev.chainloop.ee.platform.json.BoundedJson;
import dev.chainloop.ee.shared.Dsse;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a Sigstore bundle (v0.3 JSON) carrying a DSSE envelope: the signature over PAE with the
 * signer's key first, and only then the in-toto statement inside. The key is the certificate's
 * (keyless), or the public key given beside the bundle, which the bundle names by its {@code
 * verificationMaterial.publicKey.hint} (hex SHA-256 of the SPKI), as the bundle schema has no room
 * for the key itself; bundles written before that carry the key in {@code publicKey.rawBytes}.
 * Keyless bundles also carry an RFC 3161 timestamp of their signature ({@link SignedTimestamps})
 * showing it was made while the certificate was valid; key-signed ones may.
 */
public final class BundleVerifier {
  public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,128}");

  private BundleVerifier() {}

  /**
   * What bundles are checked against: the keyless signing CAs (empty: keyless bundles are refused;
   * several while a CA rotates) and the timestamp authorities' signing certificates.
   */
  public record Trust(List<X509Certificate> cas, List<X509Certificate> timestampSigners) {}

  /**
   * @param storedAt for a bundle stored before keyless bundles carried timestamps: the time the
   *     control plane stored it, which then stands for the signing time; null at store time, where
   *     a keyless bundle must carry a timestamp
   * @param signerKey the DER SPKI of the key a key-signed bundle names by its hint; null if none
   */
  public static VerifiedStatement verify(
      byte[] bundleBytes, Trust trust, Instant storedAt, byte[] signerKey) {
    JsonObject bundle = parseObject(bundleBytes, "bundle", "bundle");
    String mediaType = string(bundle, "mediaType");
    if (mediaType != null && !mediaType.startsWith("application/vnd.dev.sigstore.bundle")) {
      throw invalid("unsupported bundle mediaType " + mediaType);
    }
    JsonObject envelope = object(bundle, "dsseEnvelope");
    if (envelope == null) {
      throw invalid("the bundle has no dsseEnvelope");
    }
    String payloadType = string(envelope, "payloadType");
    if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(payloadType)) {
      throw invalid(
          "dsseEnvelope.payloadType",
          "unsupported payloadType " + payloadType + ", expected " + Dsse.IN_TOTO_PAYLOAD_TYPE);
    }
    byte[] payload = base64(string(envelope, "payload"), "dsseEnvelope.payload");
    JsonObject material = object(bundle, "verificationMaterial");
    X509Certificate leaf = certificate(material, trust.cas());
    PublicKey key = leaf != null ? leaf.getPublicKey() : signerKey(material, signerKey);
    JsonArray signatures =
        envelope.get("signatures") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    boolean verified = false;
    byte[] first = null;
    boolean firstVerified = false;
    for (JsonValue s : signatures) {
      if (s instanceof JsonObject sig && string(sig, "sig") != null) {
        byte[] raw = base64(string(sig, "sig"), "signature");
        boolean ok = Dsse.verify(key, payloadType, payload, raw);
        if (first == null) {
          first = raw;
          firstVerified = ok;
        }
        verified |= ok;
      }
    }
    if (!verified) {
      throw invalid("the DSSE signature does not verify with the bundle's key");
    }
    // Sigstore's verifiers read the timestamps as stamping the envelope's first signature: a
    // timestamp proves the signing time only if that signature is the one that verified.
    List<Instant> signedBy = SignedTimestamps.verify(material, first, trust.timestampSigners());
    if (!signedBy.isEmpty() && !firstVerified) {
      throw invalid("the first DSSE signature, which the timestamps stamp, does not verify");
    }
    if (leaf != null) {
      validAtSigningTime(leaf, signedBy, storedAt);
    }
    return statement(parseObject(payload, "statement", "dsseEnvelope.payload"));
  }

  /**
   * A short-lived certificate proves nothing once expired: the signature counts only if a trusted
   * time shows it was made while the certificate was valid.
   */
  private static void validAtSigningTime(
      X509Certificate leaf, List<Instant> signedBy, Instant storedAt) {
    List<Instant> times = signedBy.isEmpty() && storedAt != null ? List.of(storedAt) : signedBy;
    if (times.isEmpty()) {
      throw new InvalidInputException(
          SignedTimestamps.FIELD,
          "a keyless bundle needs an RFC 3161 timestamp of its signature (rfc3161Timestamps)");
    }
    for (Instant t : times) {
      try {
        leaf.checkValidity(Date.from(t));
      } catch (GeneralSecurityException e) {
        throw new InvalidInputException(
            "verificationMaterial.certificate",
            "the signing certificate was not valid at the signature's timestamp " + t);
      }
    }
  }

  /** The keyless signing certificate, checked to be issued by the CA; null if key-signed. */
  private static X509Certificate certificate(
      JsonObject material, List<X509Certificate> trustedCas) {
    if (material == null) {
      throw invalid("the bundle has no verificationMaterial");
    }
    JsonObject cert = object(material, "certificate");
    if (cert == null) {
      return null;
    }
    byte[] der = base64(string(cert, "rawBytes"), "verificationMaterial.certificate.rawBytes");
    if (trustedCas.isEmpty()) {
      throw invalid("keyless signing certificates are not trusted here");
    }
    X509Certificate leaf;
    try {
      leaf =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw invalid("the signing certificate cannot be read");
    }
    for (X509Certificate ca : trustedCas) {
      try {
        leaf.verify(ca.getPublicKey());
        return leaf;
      } catch (GeneralSecurityException e) {
        // not this CA: try the next one
      }
    }
    throw invalid(
        "verificationMaterial.certificate",
        "the signing certificate is not issued by a CA this control plane trusts");
  }

  private static PublicKey signerKey(JsonObject material, byte[] given) {
    try {
      JsonObject publicKey = object(material, "publicKey");
      if (publicKey != null && string(publicKey, "rawBytes") != null) {
        byte[] spki =
            base64(string(publicKey, "rawBytes"), "verificationMaterial.publicKey.rawBytes");
        return publicKeyOf(spki);
      }
      if (publicKey != null && given != null) {
        String hint = string(publicKey, "hint");
        if (hint != null && !hint.equals(Sha256.keyHint(given))) {
          throw invalid(
              "verificationMaterial.publicKey.hint does not name the public key given with the"
                  + " bundle");
        }
        return publicKeyOf(given);
      }
    } catch (GeneralSecurityException e) {
      throw invalid("cannot read the signer's key: " + e.getMessage());
    }
    throw invalid(
        "a bundle signed with a key needs that public key beside it (the publicKey parameter);"
            + " a keyless one, verificationMaterial.certificate.rawBytes");
  }

  static PublicKey publicKeyOf(byte[] spki) throws GeneralSecurityException {
    for (String alg : List.of("EC", "RSA", "Ed25519")) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
      } catch (GeneralSecurityException ignored) {
        // try the next key type
      }
    }
    throw new GeneralSecurityException("unsupported public key");
  }

  private static VerifiedStatement statement(JsonObject st) {
    if (!STATEMENT_TYPE.equals(string(st, "_type"))) {
      throw invalid("statement._type", "statement _type must be " + STATEMENT_TYPE);
    }
    String predicateType = string(st, "predicateType");
    if (predicateType == null || predicateType.isBlank() || !isUri(predicateType)) {
      throw invalid("statement.predicateType", "statement predicateType must be a URI");
    }
    if (!(st.get("subject") instanceof JsonArray subjects) || subjects.isEmpty()) {
      throw invalid("statement.subject", "statement must have at least one subject");
    }
    List<VerifiedStatement.Reference> subjectRefs = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      String field = "statement.subject[" + i + "].digest";
      if (!(subjects.get(i) instanceof JsonObject s)
          || !(s.get("digest") instanceof JsonObject digest)
          || digest.isEmpty()) {
        throw invalid(field, "every subject needs a digest");
      }
      for (var e : digest.entrySet()) {
        String hex = e.getValue() instanceof JsonString js ? js.getString() : "";
        boolean ok =
            e.getKey().equals("sha256")
                ? SHA256_HEX.matcher(hex).matches()
                : HEX.matcher(hex).matches();
        if (!ok) {
          throw invalid(
              field + "." + e.getKey(),
              "subject " + string(s, "name") + " has a malformed " + e.getKey() + " digest");
        }
      }
      String sha = string(digest, "sha256");
      if (sha != null) {
        subjectRefs.add(new VerifiedStatement.Reference(string(s, "name"), "sha256:" + sha, null));
      }
    }
    JsonObject predicate = object(st, "predicate");
    String runId =
        predicate == null ? null : string(object(predicate, "metadata"), "workflowRunID");
    List<VerifiedStatement.Reference> materials = new ArrayList<>();
    if (predicate != null && predicate.get("materials") instanceof JsonArray ms) {
      for (JsonValue v : ms) {
        if (v instanceof JsonObject m && object(m, "digest") != null) {
          String sha = string(object(m, "digest"), "sha256");
          JsonObject ann = object(m, "annotations");
          if (sha != null && SHA256_HEX.matcher(sha).matches()) {
            materials.add(
                new VerifiedStatement.Reference(
                    ann == null
                        ? string(m, "name")
                        : firstNonNull(string(ann, "chainloop.material.name"), string(m, "name")),
                    "sha256:" + sha,
                    ann == null ? null : string(ann, "chainloop.material.type")));
          }
        }
      }
    }
    return new VerifiedStatement(predicateType, runId, subjectRefs, materials);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static boolean isUri(String s) {
    try {
      new URI(s);
      return !s.contains(" ");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static JsonObject parseObject(byte[] bytes, String what, String field) {
    try {
      return BoundedJson.readObject(bytes);
    } catch (BoundedJson.Malformed e) {
      throw invalid(field, "the " + what + " " + e.getMessage());
    }
  }

  private static byte[] base64(String text, String field) {
    if (text == null) {
      throw invalid(field + " is missing");
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(field + " is not base64");
    }
  }

  private static JsonObject object(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonObject nested ? nested : null;
  }

  private static String string(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static InvalidInputException invalid(String detail) {
    return new InvalidInputException("invalid attestation bundle: " + detail);
  }

  /** A statement or envelope check that failed on one field, named as a violation. */
  private static InvalidInputException invalid(String field, String detail) {
    return new InvalidInputException(
        "invalid attestation bundle: " + detail, List.of(new Violation(field, detail)));
  }
}
