package dev.chainloop.ee.federation;

import dev.chainloop.ee.platform.config.Durations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.http.Get;
import org.jose4j.http.SimpleResponse;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies a CI provider's OIDC ID token with jose4j: the issuer's discovery document and JWKS are
 * fetched over HTTPS only and cached (as long as the JWKS response allows, at most an hour for the
 * discovery document); a token signed with a key not in the cache refetches the JWKS, at most once
 * per {@code chainloop.federation.jwks-refetch-interval}, so that a rotation is seen without
 * letting unknown key ids make the server hammer the issuer. RS256 and ES256 signatures, {@code
 * iss}, {@code aud}, {@code exp}, {@code nbf} and {@code iat} (with {@code
 * chainloop.federation.clock-skew}) are checked here; the rule's conditions by the caller.
 */
@ApplicationScoped
public class IdTokenVerifier {
  private static final Duration DISCOVERY_LIFE = Duration.ofHours(1);
  private static final int TIMEOUT_MILLIS = 5_000;
  private static final int MAX_DOCUMENT_BYTES = 256 * 1024;

  @Inject
  @ConfigProperty(name = "chainloop.federation.clock-skew", defaultValue = "30s")
  String clockSkew;

  @Inject
  @ConfigProperty(name = "chainloop.federation.jwks-refetch-interval", defaultValue = "30s")
  String refetchInterval;

  /**
   * For development and tests: a PEM file of the CAs to trust for issuers, instead of the JDK's.
   * Plain http is never accepted, with or without it.
   */
  @Inject
  @ConfigProperty(name = "chainloop.federation.trusted-ca-file")
  Optional<String> trustedCaFile;

  private final Map<String, IssuerKeys> issuers = new ConcurrentHashMap<>();

  /** Issuers whose discovery failed, and when: not asked again within the refetch interval. */
  private final Map<String, Instant> failures = new ConcurrentHashMap<>();

  private final Clock clock = Clock.systemUTC();

  /** Why a token was refused, for the 401 and the audit record. */
  public static final class RejectedToken extends Exception {
    private final String reason;

    RejectedToken(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** A short category: malformed, expired, audience, signature, issuer_unreachable, ... */
    public String reason() {
      return reason;
    }
  }

  /** The issuer a token claims, unverified: only to find the rules that may trust it. */
  public static String claimedIssuer(String token) throws RejectedToken {
    try {
      JwtClaims claims =
          new JwtConsumerBuilder()
              .setSkipAllValidators()
              .setDisableRequireSignature()
              .setSkipSignatureVerification()
              .build()
              .processToClaims(token);
      String issuer = claims.getIssuer();
      if (issuer == null || issuer.isBlank()) {
        throw new RejectedToken("malformed", "the ID token has no iss claim");
      }
      return issuer;
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw new RejectedToken("malformed", "the subject_token is not a JWT");
    }
  }

  /**
   * The claims of {@code token} once its signature by {@code issuer}'s published keys, its issuer,
   * one of {@code audiences} and its validity period check out.
   */
  public Map<String, Object> verify(String token, String issuer, Set<String> audiences)
      throws RejectedToken {
    HttpsJwksVerificationKeyResolver keys = keysOf(issuer).resolver;
    int skew = (int) Durations.parse(clockSkew).toSeconds();
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setExpectedIssuer(issuer)
            .setExpectedAudience(audiences.toArray(String[]::new))
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(skew)
            .setIssuedAtRestrictions(skew, (int) Duration.ofDays(1).toSeconds())
            .setVerificationKeyResolver(keys)
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.RSA_USING_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
            .build();
    try {
      return consumer.processToClaims(token).getClaimsMap();
    } catch (InvalidJwtException e) {
      throw rejection(e);
    }
  }

  private static RejectedToken rejection(InvalidJwtException e) {
    if (e.hasExpired()) {
      return new RejectedToken("expired", "the ID token has expired");
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return new RejectedToken("audience", "the ID token's audience is not trusted");
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
      return new RejectedToken("issuer", "the ID token's issuer is not trusted");
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
        || e.getCause() instanceof UnresolvableKeyException
        || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
      return new RejectedToken(
          "signature", "the ID token's signature does not verify with the issuer's published keys");
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)
        || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
      return new RejectedToken("not_yet_valid", "the ID token is not valid yet");
    }
    return new RejectedToken("invalid", "the ID token is invalid");
  }

  private IssuerKeys keysOf(String issuer) throws RejectedToken {
    Instant now = clock.instant();
    IssuerKeys known = issuers.get(issuer);
    if (known != null && known.fetchedAt.plus(DISCOVERY_LIFE).isAfter(now)) {
      return known;
    }
    Instant failed = failures.get(issuer);
    if (failed != null && failed.plus(Durations.parse(refetchInterval)).isAfter(now)) {
      if (known != null) {
        return known;
      }
      throw unreachable(issuer, "its discovery document could not be read a moment ago");
    }
    try {
      IssuerKeys fresh = discover(issuer, now);
      issuers.put(issuer, fresh);
      failures.remove(issuer);
      return fresh;
    } catch (RejectedToken e) {
      failures.put(issuer, now);
      // An issuer briefly unreachable keeps the keys it published an hour ago.
      if (known != null) {
        return known;
      }
      throw e;
    }
  }

  /** Reads the discovery document and sets up the JWKS cache it names. */
  private IssuerKeys discover(String issuer, Instant now) throws RejectedToken {
    Get get = httpGet(issuer);
    String location = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
    JsonObject document;
    try {
      SimpleResponse response = get.get(requireHttps(location));
      if (response.getStatusCode() != 200) {
        throw unreachable(issuer, "discovery document answered " + response.getStatusCode());
      }
      try (var reader = Json.createReader(new StringReader(response.getBody()))) {
        document = reader.readObject();
      }
    } catch (IOException | JsonException | ClassCastException e) {
      throw unreachable(issuer, "cannot read its discovery document");
    }
    if (!issuer.equals(document.getString("issuer", null))) {
      throw unreachable(issuer, "its discovery document names another issuer");
    }
    String jwksUri = document.getString("jwks_uri", null);
    if (jwksUri == null || !jwksUri.startsWith("https://")) {
      throw unreachable(issuer, "its discovery document has no https jwks_uri");
    }
    HttpsJwks jwks = new HttpsJwks(jwksUri);
    jwks.setSimpleHttpGet(get);
    jwks.setRefreshReprieveThreshold(Durations.parse(refetchInterval).toMillis());
    return new IssuerKeys(new HttpsJwksVerificationKeyResolver(jwks), document, now);
  }

  private Get httpGet(String issuer) throws RejectedToken {
    Get get = new Get();
    get.setConnectTimeout(TIMEOUT_MILLIS);
    get.setReadTimeout(TIMEOUT_MILLIS);
    get.setResponseBodySizeLimit(MAX_DOCUMENT_BYTES);
    Optional<String> caFile = trustedCaFile.filter(f -> !f.isBlank());
    if (caFile.isPresent()) {
      try (InputStream in = Files.newInputStream(Path.of(caFile.get()))) {
        get.setTrustedCertificates(
            CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                .map(X509Certificate.class::cast)
                .toList());
      } catch (IOException | CertificateException e) {
        throw unreachable(
            issuer, "chainloop.federation.trusted-ca-file is not a readable PEM file");
      }
    }
    return get;
  }

  private static String requireHttps(String location) throws IOException {
    if (!"https".equals(URI.create(location).getScheme())) {
      throw new IOException("not https");
    }
    return location;
  }

  private static RejectedToken unreachable(String issuer, String why) {
    return new RejectedToken(
        "issuer_unreachable", "cannot verify tokens of " + issuer + ": " + why);
  }

  private record IssuerKeys(
      HttpsJwksVerificationKeyResolver resolver, JsonObject discovery, Instant fetchedAt) {}

  /** The issuer's discovery document, as cached with its keys. */
  public JsonObject discovery(String issuer) throws RejectedToken {
    return keysOf(issuer).discovery;
  }

  /** TLS for calls to issuers: the configured CAs, else the JDK's. */
  public SSLContext tls() {
    Optional<String> caFile = trustedCaFile.filter(f -> !f.isBlank());
    try {
      if (caFile.isEmpty()) {
        return SSLContext.getDefault();
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      try (InputStream in = Files.newInputStream(Path.of(caFile.get()))) {
        int i = 0;
        for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          trusted.setCertificateEntry("ca-" + i++, cert);
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("chainloop.federation.trusted-ca-file is not usable", e);
    }
  }
}
