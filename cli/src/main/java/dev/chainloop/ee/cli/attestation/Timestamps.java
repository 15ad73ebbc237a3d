package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * RFC 3161 timestamps of a signature, as Sigstore bundles carry them: the CLI sends a TimeStampReq
 * over the SHA-256 of the signature bytes (with a fresh nonce, asking for the TSA's certificate)
 * and keeps the DER TimeStampResp once it checked that the reply grants a token for exactly this
 * request. Whether the token's signature and TSA are trusted is the verifier's question: the
 * control plane's at push, {@code @sigstore/verify} offline, or {@link #verify} for {@code
 * attestation verify}.
 *
 * <p>Written on bcprov's ASN.1 primitives: the TSP structures live in another BouncyCastle jar the
 * CLI does not otherwise need.
 */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Timestamps {@code signature} with {@code tsa} (DER TimeStampReq in, DER TimeStampResp out).
   *
   * @return the TimeStampResp, for {@code rfc3161Timestamps[].signedTimestamp}
   */
  public static byte[] of(byte[] signature, UnaryOperator<byte[]> tsa) {
    byte[] digest = sha256(signature);
    BigInteger nonce = new BigInteger(64, new SecureRandom());
    byte[] reply = tsa.apply(request(digest, nonce));
    check(reply, digest, nonce);
    return reply;
  }

  static byte[] request(byte[] digest, BigInteger nonce) {
    try {
      return new DERSequence(
              new ASN1Encodable[] {
                new ASN1Integer(1), messageImprint(digest), new ASN1Integer(nonce), ASN1Boolean.TRUE
              })
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DERSequence messageImprint(byte[] digest) {
    return new DERSequence(
        new ASN1Encodable[] {
          new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
          new DEROctetString(digest)
        });
  }

  /** What the CLI checks of a reply: its PKIStatus, and its token's imprint and nonce. */
  private record Reply(int status, byte[] imprint, BigInteger nonce) {}

  static void check(byte[] reply, byte[] digest, BigInteger nonce) {
    Reply parsed;
    try {
      parsed = parse(reply);
    } catch (IOException | RuntimeException e) {
      throw new CliException("the timestamp authority's reply is not an RFC 3161 TimeStampResp");
    }
    if (parsed.status() > 1) {
      throw new CliException(
          "the timestamp authority refused to timestamp the signature (PKIStatus "
              + parsed.status()
              + ")");
    }
    if (!MessageDigest.isEqual(parsed.imprint(), digest)) {
      throw new CliException("the timestamp authority stamped another digest than the signature's");
    }
    if (!nonce.equals(parsed.nonce())) {
      throw new CliException("the timestamp authority's reply does not answer this request");
    }
  }

  /**
   * TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken ContentInfo OPTIONAL }; the
   * token's SignedData encapsulates the TSTInfo.
   */
  private static Reply parse(byte[] reply) throws IOException {
    ASN1Sequence resp = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(reply));
    int status =
        ASN1Integer.getInstance(ASN1Sequence.getInstance(resp.getObjectAt(0)).getObjectAt(0))
            .intValueExact();
    if (status > 1) {
      return new Reply(status, new byte[0], null);
    }
    ASN1Sequence contentInfo = ASN1Sequence.getInstance(resp.getObjectAt(1));
    ASN1Sequence signedData =
        ASN1Sequence.getInstance(
            ASN1TaggedObject.getInstance(contentInfo.getObjectAt(1)).getExplicitBaseObject());
    ASN1Sequence encap = ASN1Sequence.getInstance(signedData.getObjectAt(2));
    ASN1OctetString content =
        ASN1OctetString.getInstance(
            ASN1TaggedObject.getInstance(encap.getObjectAt(1)).getExplicitBaseObject());
    ASN1Sequence tstInfo =
        ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(content.getOctets()));
    // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime,
    //   accuracy SEQUENCE OPTIONAL, ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL, ... }
    byte[] imprint =
        ASN1OctetString.getInstance(ASN1Sequence.getInstance(tstInfo.getObjectAt(2)).getObjectAt(1))
            .getOctets();
    ASN1GeneralizedTime.getInstance(tstInfo.getObjectAt(4));
    BigInteger echoed = null;
    for (int i = 5; i < tstInfo.size() && echoed == null; i++) {
      if (tstInfo.getObjectAt(i) instanceof ASN1Integer n) {
        echoed = n.getValue();
      }
    }
    return new Reply(status, imprint, echoed);
  }

  /**
   * Checks a bundle's timestamp offline: a granted TimeStampResp whose token stamps {@code
   * signature} (SHA-2 imprint), is signed by one of {@code trustedSigners} (matched by issuer and
   * serial, valid at the stamped time) over its signed attributes, which carry the TSTInfo's
   * digest.
   *
   * @return the stamped time
   * @throws GeneralSecurityException naming what does not hold
   */
  public static Instant verify(byte[] reply, byte[] signature, List<X509Certificate> trustedSigners)
      throws GeneralSecurityException {
    try {
      ASN1Sequence resp = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(reply));
      ASN1Sequence contentInfo = ASN1Sequence.getInstance(resp.getObjectAt(1));
      ASN1Sequence signedData =
          ASN1Sequence.getInstance(
              ASN1TaggedObject.getInstance(contentInfo.getObjectAt(1)).getExplicitBaseObject());
      ASN1Sequence encap = ASN1Sequence.getInstance(signedData.getObjectAt(2));
      byte[] tstInfoDer =
          ASN1OctetString.getInstance(
                  ASN1TaggedObject.getInstance(encap.getObjectAt(1)).getExplicitBaseObject())
              .getOctets();
      ASN1Sequence tstInfo = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(tstInfoDer));
      ASN1Sequence imprint = ASN1Sequence.getInstance(tstInfo.getObjectAt(2));
      String imprintDigest =
          digestName(AlgorithmIdentifier.getInstance(imprint.getObjectAt(0)).getAlgorithm());
      if (!MessageDigest.isEqual(
          MessageDigest.getInstance(imprintDigest).digest(signature),
          ASN1OctetString.getInstance(imprint.getObjectAt(1)).getOctets())) {
        throw new GeneralSecurityException("the timestamp does not stamp the bundle's signature");
      }
      Date genTime = ASN1GeneralizedTime.getInstance(tstInfo.getObjectAt(4)).getDate();

      ASN1Set signerInfos = ASN1Set.getInstance(signedData.getObjectAt(signedData.size() - 1));
      ASN1Sequence signerInfo = ASN1Sequence.getInstance(signerInfos.getObjectAt(0));
      ASN1Sequence sid = ASN1Sequence.getInstance(signerInfo.getObjectAt(1));
      X509Certificate signer = signer(sid, trustedSigners);
      signer.checkValidity(genTime);
      String digest =
          digestName(AlgorithmIdentifier.getInstance(signerInfo.getObjectAt(2)).getAlgorithm());
      ASN1TaggedObject signedAttrs = ASN1TaggedObject.getInstance(signerInfo.getObjectAt(3));
      byte[] expected = MessageDigest.getInstance(digest).digest(tstInfoDer);
      if (!MessageDigest.isEqual(
          expected, messageDigest(ASN1Set.getInstance(signedAttrs, false)))) {
        throw new GeneralSecurityException("the timestamp's signed attributes do not match it");
      }
      // The signature covers the attributes as a DER SET, not as the [0] they are tagged with.
      byte[] covered = signedAttrs.getEncoded(ASN1Encoding.DER);
      covered[0] = 0x31;
      Signature verifier =
          Signature.getInstance(
              digest.replace("-", "")
                  + "with"
                  + ("EC".equals(signer.getPublicKey().getAlgorithm()) ? "ECDSA" : "RSA"));
      verifier.initVerify(signer.getPublicKey());
      verifier.update(covered);
      if (!verifier.verify(ASN1OctetString.getInstance(signerInfo.getObjectAt(5)).getOctets())) {
        throw new GeneralSecurityException("the timestamp's signature does not verify");
      }
      return genTime.toInstant();
    } catch (IOException | java.text.ParseException | RuntimeException e) {
      throw new GeneralSecurityException("the timestamp is not an RFC 3161 TimeStampResp", e);
    }
  }

  private static X509Certificate signer(ASN1Sequence sid, List<X509Certificate> trusted)
      throws GeneralSecurityException {
    X500Name issuer = X500Name.getInstance(sid.getObjectAt(0));
    BigInteger serial = ASN1Integer.getInstance(sid.getObjectAt(1)).getValue();
    for (X509Certificate cert : trusted) {
      if (cert.getSerialNumber().equals(serial)
          && X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()).equals(issuer)) {
        return cert;
      }
    }
    throw new GeneralSecurityException(
        "the timestamp is not signed by a timestamp authority of the control plane");
  }

  private static byte[] messageDigest(ASN1Set attributes) throws GeneralSecurityException {
    for (ASN1Encodable a : attributes) {
      ASN1Sequence attribute = ASN1Sequence.getInstance(a);
      if (PKCSObjectIdentifiers.pkcs_9_at_messageDigest.equals(attribute.getObjectAt(0))) {
        return ASN1OctetString.getInstance(
                ASN1Set.getInstance(attribute.getObjectAt(1)).getObjectAt(0))
            .getOctets();
      }
    }
    throw new GeneralSecurityException("the timestamp's signed attributes carry no digest");
  }

  private static String digestName(ASN1ObjectIdentifier oid) throws GeneralSecurityException {
    if (NISTObjectIdentifiers.id_sha256.equals(oid)) {
      return "SHA-256";
    }
    if (NISTObjectIdentifiers.id_sha384.equals(oid)) {
      return "SHA-384";
    }
    if (NISTObjectIdentifiers.id_sha512.equals(oid)) {
      return "SHA-512";
    }
    throw new GeneralSecurityException("unsupported digest " + oid + " in the timestamp");
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
