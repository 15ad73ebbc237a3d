package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Key pairs from a PEM private key: the public half goes into the bundle. */
public final class Signers {
  private Signers() {}

  public static KeyPair fromPem(String pem, Keys.Password password) {
    byte[] der = Keys.pkcs8(pem, password);
    PrivateKey key = Keys.fromPkcs8(der);
    for (Keys.Block b : Keys.blocks(pem)) {
      if (b.type().equals("PUBLIC KEY")) {
        return new KeyPair(Keys.publicKey(b.der()), key);
      }
    }
    try {
      return new KeyPair(derivePublic(key, der), key);
    } catch (GeneralSecurityException e) {
      throw new CliException(
          "cannot derive the public key: add its PUBLIC KEY block to the key file", e);
    }
  }

  private static PublicKey derivePublic(PrivateKey key, byte[] der)
      throws GeneralSecurityException {
    if (key instanceof RSAPrivateCrtKey rsa) {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }
    if (key instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
      // Ed25519 public keys are a function of the seed: regenerate the pair from it.
      byte[] seed = ed.getBytes().get();
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(
          NamedParameterSpec.ED25519,
          new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
              System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
          });
      return g.generateKeyPair().getPublic();
    }
    if (key instanceof ECPrivateKey) {
      return ecPublic(der);
    }
    throw new GeneralSecurityException("no public key in the key file");
  }

  /**
   * The public point of a PKCS#8 EC key: the one it carries (OpenSSL, cosign), else d·G on its
   * named curve (the JDK writes PKCS#8 without it).
   */
  private static PublicKey ecPublic(byte[] pkcs8) throws GeneralSecurityException {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
      ASN1ObjectIdentifier curve =
          ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
      org.bouncycastle.asn1.sec.ECPrivateKey ec =
          org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
      byte[] point;
      if (ec.getPublicKey() != null) {
        point = ec.getPublicKey().getOctets();
      } else {
        X9ECParameters params = ECNamedCurveTable.getByOID(curve);
        if (params == null) {
          throw new GeneralSecurityException("unknown curve " + curve);
        }
        point = params.getG().multiply(ec.getKey()).normalize().getEncoded(false);
      }
      byte[] spki =
          new SubjectPublicKeyInfo(
                  new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point)
              .getEncoded();
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new GeneralSecurityException("malformed EC private key", e);
    }
  }

  public static KeyPair ephemeralP256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
