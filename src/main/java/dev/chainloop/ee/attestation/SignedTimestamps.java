package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The RFC 3161 timestamps of a Sigstore bundle ({@code
 * verificationMaterial.timestampVerificationData.rfc3161Timestamps[].signedTimestamp}, each a DER
 * TimeStampResp): each must be granted, signed by one of the trusted timestamp authority
 * certificates (valid at its time, EKU timeStamping), and stamp the bundle's signature (its message
 * imprint is the digest of the signature bytes, as Sigstore's verifiers check). What they prove is
 * the time each says the signature existed by.
 */
final class SignedTimestamps {
  static final String FIELD = "verificationMaterial.timestampVerificationData";

  private static final Map<ASN1ObjectIdentifier, String> DIGESTS =
      Map.of(
          TSPAlgorithms.SHA256, "SHA-256",
          TSPAlgorithms.SHA384, "SHA-384",
          TSPAlgorithms.SHA512, "SHA-512");

  private SignedTimestamps() {}

  /** The verified times, in bundle order; empty when the bundle carries no timestamp. */
  static List<Instant> verify(
      JsonObject verificationMaterial, byte[] signature, List<X509Certificate> trustedSigners) {
    JsonObject data =
        verificationMaterial != null
                && verificationMaterial.get("timestampVerificationData") instanceof JsonObject o
            ? o
            : null;
    JsonArray stamps =
        data != null && data.get("rfc3161Timestamps") instanceof JsonArray a
            ? a
            : JsonValue.EMPTY_JSON_ARRAY;
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < stamps.size(); i++) {
      String field = FIELD + ".rfc3161Timestamps[" + i + "].signedTimestamp";
      String encoded =
          stamps.get(i) instanceof JsonObject s && s.get("signedTimestamp") instanceof JsonString t
              ? t.getString()
              : null;
      if (encoded == null) {
        throw new InvalidInputException(field, "is missing");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(encoded);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(field, "is not base64");
      }
      times.add(verifyOne(der, signature, trustedSigners, field));
    }
    return times;
  }

  private static Instant verifyOne(
      byte[] der, byte[] signature, List<X509Certificate> trustedSigners, String field) {
    TimeStampToken token;
    try {
      token = new TimeStampResponse(der).getTimeStampToken();
    } catch (TSPValidationException e) {
      // BouncyCastle checks the signed attributes against the TSTInfo while parsing.
      throw new InvalidInputException(field, "does not verify: " + e.getMessage());
    } catch (TSPException | IOException | RuntimeException e) {
      throw new InvalidInputException(field, "is not a DER RFC 3161 TimeStampResp");
    }
    if (token == null) {
      throw new InvalidInputException(field, "is a TimeStampResp without a granted token");
    }
    var info = token.getTimeStampInfo();
    String algorithm = DIGESTS.get(info.getMessageImprintAlgOID());
    if (algorithm == null) {
      throw new InvalidInputException(field, "has an unsupported message imprint algorithm");
    }
    try {
      if (!MessageDigest.isEqual(
          MessageDigest.getInstance(algorithm).digest(signature), info.getMessageImprintDigest())) {
        throw new InvalidInputException(
            field, "its message imprint is not the digest of the bundle's signature");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    X509Certificate signer = trustedSigner(token, trustedSigners, field);
    try {
      // Checks the token's signature, that the ESSCertID names this certificate, and that the
      // certificate was valid at genTime with the timeStamping key purpose.
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
    } catch (TSPException | OperatorCreationException | RuntimeException e) {
      throw new InvalidInputException(
          field, "does not verify with the timestamp authority's certificate: " + e.getMessage());
    }
    return info.getGenTime().toInstant();
  }

  private static X509Certificate trustedSigner(
      TimeStampToken token, List<X509Certificate> trustedSigners, String field) {
    for (X509Certificate cert : trustedSigners) {
      try {
        if (token.getSID().match(new X509CertificateHolder(cert.getEncoded()))) {
          return cert;
        }
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot read a trusted timestamp authority", e);
      }
    }
    throw new InvalidInputException(field, "is not signed by a trusted timestamp authority");
  }
}
