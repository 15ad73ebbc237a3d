package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import java.math.BigInteger;
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
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

/** Key pairs from a PEM private key: the public half goes into the bundle. */
public final class Signers {
  private Signers() {}

  public static KeyPair fromPem(String pem, String password) {
    PrivateKey key = Keys.privateKey(pem, password);
    for (Keys.Block b : Keys.blocks(pem)) {
      if (b.type().equals("PUBLIC KEY")) {
        return new KeyPair(Keys.publicKey(b.der()), key);
      }
    }
    try {
      return new KeyPair(derivePublic(key, pem), key);
    } catch (GeneralSecurityException e) {
      throw new CliException(
          "cannot derive the public key: add its PUBLIC KEY block to the key file", e);
    }
  }

  private static PublicKey derivePublic(PrivateKey key, String pem)
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
    if (key instanceof ECPrivateKey ec) {
      // PKCS#8 from OpenSSL carries the public point ([1] BIT STRING, uncompressed P-256 point).
      byte[] der = Keys.privateKeyDer(pem);
      byte[] marker = {(byte) 0xA1, 0x44, 0x03, 0x42, 0x00, 0x04};
      for (int i = der.length - marker.length - 64; i >= 0; i--) {
        if (Arrays.equals(der, i, i + marker.length, marker, 0, marker.length)) {
          int at = i + marker.length;
          BigInteger x = new BigInteger(1, Arrays.copyOfRange(der, at, at + 32));
          BigInteger y = new BigInteger(1, Arrays.copyOfRange(der, at + 32, at + 64));
          return KeyFactory.getInstance("EC")
              .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), ec.getParams()));
        }
      }
    }
    throw new GeneralSecurityException("no public key in the key file");
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
