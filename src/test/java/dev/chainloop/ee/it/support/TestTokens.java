package dev.chainloop.ee.it.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crafts tokens the way an attacker (or an insider with the key) would, to prove the server rejects
 * them. The test server's keys live in its data directory under target/.
 */
public final class TestTokens {
  private static final Path KEYS =
      Path.of(System.getProperty("chainloop.test.data.dir", "target/it-data"), "keys");

  private TestTokens() {}

  public static String b64(String json) {
    return b64(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String decodePart(String token, int index) {
    return new String(
        Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
  }

  /**
   * Signs {@code header.claims} with the server's real private key (RS256). As in the server's own
   * tokens, the header names the key's {@code kid} unless it names one itself: the server refuses a
   * token whose key is not in its ring.
   */
  public static String signWithServerKey(String headerJson, String claimsJson) throws Exception {
    String header =
        headerJson.contains("\"kid\"")
            ? headerJson
            : headerJson.replaceFirst("\\{", "{\"kid\":\"" + serverKeyId() + "\",");
    String input = b64(header) + "." + b64(claimsJson);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(serverPrivateKey());
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(rsa.sign());
  }

  /** Key confusion: an HS256 token whose HMAC key is the server's public key PEM. */
  public static String hs256WithPublicKey(String claimsJson) throws Exception {
    String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claimsJson);
    byte[] key = Files.readAllBytes(KEYS.resolve("jwt-public.pem"));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * The kid the server gives its key: base64url SHA-256 of the public key's SPKI, 16 characters.
   */
  public static String serverKeyId() throws Exception {
    String pem = Files.readString(KEYS.resolve("jwt-public.pem"));
    byte[] spki =
        Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    return b64(MessageDigest.getInstance("SHA-256").digest(spki)).substring(0, 16);
  }

  private static PrivateKey serverPrivateKey() throws Exception {
    String pem = Files.readString(KEYS.resolve("jwt-private.pem"));
    byte[] der =
        Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
