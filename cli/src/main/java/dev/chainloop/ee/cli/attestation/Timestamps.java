package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * RFC 3161 timestamps of a signature, as Sigstore bundles carry them: the CLI sends a TimeStampReq
 * over the SHA-256 of the signature bytes (with a fresh nonce, asking for the TSA's certificate)
 * and keeps the DER TimeStampResp once it checked that the reply grants a token for exactly this
 * request. Whether the token's signature and TSA are trusted is the verifier's question (the
 * control plane's at push, {@code @sigstore/verify} or cosign offline).
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

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
