package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * cosign's encrypted private keys ({@code cosign generate-key-pair}): a PEM block whose body is a
 * JSON document naming the KDF (scrypt with its N, r, p and salt) and the cipher (NaCl secretbox,
 * i.e. XSalsa20-Poly1305, with its nonce) that protect a PKCS#8 private key.
 */
public final class CosignKeys {
  public static final List<String> PEM_TYPES =
      List.of("ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY");
  private static final int KEY_BYTES = 32;
  private static final int TAG_BYTES = 16;
  // bounds a hostile key file's scrypt cost: cosign itself writes N = 2^15 (older keys 2^16)
  private static final long MAX_N = 1L << 20;

  private CosignKeys() {}

  /**
   * The PKCS#8 DER inside a cosign key block.
   *
   * @param passwordVariable the environment variable the password came from, named in errors
   */
  public static byte[] decrypt(byte[] body, String password, String passwordVariable) {
    if (password == null) {
      throw new CliException("the cosign key is encrypted: set " + passwordVariable);
    }
    JsonObject doc;
    try (var r = Json.createReader(new ByteArrayInputStream(body))) {
      doc = r.readObject();
    } catch (RuntimeException e) {
      throw new CliException("invalid cosign private key: its body is not JSON");
    }
    JsonObject kdf = obj(doc, "kdf");
    JsonObject params = obj(kdf, "params");
    JsonObject cipher = obj(doc, "cipher");
    if (!"scrypt".equals(str(kdf, "name")) || !"nacl/secretbox".equals(str(cipher, "name"))) {
      throw new CliException(
          "unsupported cosign private key: expected scrypt and nacl/secretbox, got "
              + str(kdf, "name")
              + " and "
              + str(cipher, "name"));
    }
    int n = num(params, "N");
    int r = num(params, "r");
    int p = num(params, "p");
    if (n < 2 || n > MAX_N || Integer.bitCount(n) != 1 || r < 1 || r > 32 || p < 1 || p > 16) {
      throw new CliException("unsupported cosign private key: scrypt parameters out of range");
    }
    byte[] salt = b64(str(kdf, "salt"));
    byte[] nonce = b64(str(cipher, "nonce"));
    byte[] box = b64(str(doc, "ciphertext"));
    if (nonce.length != 24 || box.length <= TAG_BYTES) {
      throw new CliException("invalid cosign private key: bad nonce or ciphertext");
    }
    byte[] key =
        SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, n, r, p, KEY_BYTES);
    byte[] plain = open(box, nonce, key);
    if (plain == null) {
      throw new CliException(
          "cannot decrypt the cosign private key: wrong " + passwordVariable + "?");
    }
    return pkcs8(plain);
  }

  /** Older cosign keys hold a SEC1 (RFC 5915) EC key, newer ones PKCS#8: answer PKCS#8. */
  private static byte[] pkcs8(byte[] der) {
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(der);
      if (seq.size() >= 2
          && seq.getObjectAt(0) instanceof ASN1Integer version
          && version.hasValue(1)
          && seq.getObjectAt(1) instanceof ASN1OctetString) {
        ECPrivateKey sec1 = ECPrivateKey.getInstance(seq);
        if (sec1.getParametersObject() == null) {
          throw new CliException("unsupported cosign private key: the EC key names no curve");
        }
        return new PrivateKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()),
                sec1)
            .getEncoded();
      }
      return der;
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new CliException("invalid cosign private key: the decrypted key is not DER", e);
    }
  }

  /**
   * NaCl secretbox_open: the tag (first 16 bytes) is Poly1305 keyed by the first keystream block.
   */
  private static byte[] open(byte[] box, byte[] nonce, byte[] key) {
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
    byte[] macKey = new byte[KEY_BYTES];
    salsa.processBytes(new byte[KEY_BYTES], 0, KEY_BYTES, macKey, 0);
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(macKey));
    mac.update(box, TAG_BYTES, box.length - TAG_BYTES);
    byte[] tag = new byte[TAG_BYTES];
    mac.doFinal(tag, 0);
    if (!MessageDigest.isEqual(tag, Arrays.copyOf(box, TAG_BYTES))) {
      return null;
    }
    byte[] plain = new byte[box.length - TAG_BYTES];
    salsa.processBytes(box, TAG_BYTES, plain.length, plain, 0);
    return plain;
  }

  private static JsonObject obj(JsonObject o, String k) {
    return o != null && o.get(k) instanceof JsonObject v ? v : null;
  }

  private static String str(JsonObject o, String k) {
    return o != null && o.get(k) instanceof JsonString v ? v.getString() : null;
  }

  private static int num(JsonObject o, String k) {
    return o != null && o.get(k) instanceof JsonNumber v && v.isIntegral() ? v.intValue() : -1;
  }

  private static byte[] b64(String s) {
    try {
      return Base64.getDecoder().decode(s == null ? "" : s);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid cosign private key: bad base64");
    }
  }
}
