package dev.chainloop.ee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * An OIDC issuer shaped like GitHub Actions' ({@code token.actions.githubusercontent.com}), which
 * cannot be reached from the test machine: a real HTTPS server, with a certificate of a test CA
 * that the test server trusts ({@code chainloop.federation.trusted-ca-file}, written here), serving
 * {@code /.well-known/openid-configuration} and the JWKS it names, able to rotate its signing key,
 * and issuing ID tokens with the claims GitHub documents. It also serves a runner's {@code
 * ACTIONS_ID_TOKEN_REQUEST_URL}: a bearer-checked GET whose {@code audience} becomes the token's
 * {@code aud}, answering {@code {"value": token}} as GitHub's runner does (over plain HTTP on
 * loopback: the CLI under test runs in this JVM, which does not trust the test CA).
 */
public final class OidcIssuer implements AutoCloseable {
  /** Where the test server looks for the CA (the pom sets both sides). */
  public static final Path CA_FILE =
      Path.of(System.getProperty("chainloop.test.oidc.ca", "target/oidc-issuer/ca.pem"));

  private static final Object CA_LOCK = new Object();
  private static Ca ca;

  private final HttpsServer https;
  private final HttpServer runner;
  private final String requestToken = UUID.randomUUID().toString();
  private final List<PublicJsonWebKey> published = new CopyOnWriteArrayList<>();
  private final List<String> jwksFetches = new CopyOnWriteArrayList<>();
  private volatile PublicJsonWebKey current;
  private volatile Map<String, Object> job = GitHubJob.of("acme/app", "refs/heads/main").claims();

  private OidcIssuer(HttpsServer https, HttpServer runner) {
    this.https = https;
    this.runner = runner;
  }

  /** Starts an issuer on an ephemeral loopback port, signing with a fresh RSA key. */
  public static OidcIssuer start() {
    try {
      Ca authority = ca();
      HttpsServer https =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(authority.serverContext()));
      HttpServer runner =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      OidcIssuer issuer = new OidcIssuer(https, runner);
      issuer.rotate();
      https.createContext("/", issuer::serve);
      runner.createContext("/", issuer::serveRunner);
      https.start();
      runner.start();
      return issuer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issuer URL, as tokens carry it in {@code iss}. */
  public String url() {
    return "https://localhost:" + https.getAddress().getPort();
  }

  /** The job's {@code ACTIONS_ID_TOKEN_REQUEST_URL} (with a query, as GitHub's has). */
  public String requestUrl() {
    return "http://127.0.0.1:" + runner.getAddress().getPort() + "/token?api-version=2.0";
  }

  /** The job's {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}. */
  public String requestToken() {
    return requestToken;
  }

  /** Which job the runner endpoint issues tokens for. */
  public OidcIssuer runs(GitHubJob next) {
    this.job = next.claims();
    return this;
  }

  /** JWKS requests served so far. */
  public int jwksFetches() {
    return jwksFetches.size();
  }

  /** Replaces the signing key: the old one is no longer published. Returns the new key id. */
  public String rotate() {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair pair = rsa.generateKeyPair();
      RsaJsonWebKey key = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
      key.setPrivateKey(pair.getPrivate());
      key.setKeyId(UUID.randomUUID().toString());
      key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      key.setUse("sig");
      published.clear();
      published.add(key);
      current = key;
      return key.getKeyId();
    } catch (GeneralSecurityException | JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes an additional ES256 key and signs with it from now on. */
  public void switchToEcdsa() {
    try {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = ec.generateKeyPair();
      EllipticCurveJsonWebKey key =
          (EllipticCurveJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
      key.setPrivateKey(pair.getPrivate());
      key.setKeyId(UUID.randomUUID().toString());
      key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
      key.setUse("sig");
      published.add(key);
      current = key;
    } catch (GeneralSecurityException | JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The current signing key, to sign with it later (after a rotation). */
  public PublicJsonWebKey currentKey() {
    return current;
  }

  /** A GitLab CI job's ID token ({@code id_tokens:} with this {@code aud}), valid 5 minutes. */
  public String gitLabIdToken(String projectPath, String ref, String audience) {
    String namespace = projectPath.substring(0, projectPath.lastIndexOf('/'));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("sub", "project_path:" + projectPath + ":ref_type:branch:ref:" + ref);
    c.put("namespace_id", "72");
    c.put("namespace_path", namespace);
    c.put("project_id", "20");
    c.put("project_path", projectPath);
    c.put("user_id", "1");
    c.put("user_login", "sample-user");
    c.put("user_email", "sample-user@example.com");
    c.put("pipeline_id", "1212");
    c.put("pipeline_source", "push");
    c.put("job_id", "3456");
    c.put("ref", ref);
    c.put("ref_type", "branch");
    c.put("ref_protected", "true");
    c.put("runner_id", "1");
    c.put("runner_environment", "gitlab-hosted");
    c.put("sha", "714a629c0b401fdce83e847fc9589983fc6f46bc");
    c.put(
        "ci_config_ref_uri",
        "gitlab.example.com/" + projectPath + "//.gitlab-ci.yml@refs/heads/" + ref);
    c.put("ci_config_sha", "714a629c0b401fdce83e847fc9589983fc6f46bc");
    return sign(claims(c, audience, Instant.now(), Duration.ofMinutes(5)), current);
  }

  /** An ID token for {@code job} and {@code audience}, valid for {@code life} from now. */
  public String idToken(GitHubJob job, String audience, Duration life) {
    return sign(claims(job.claims(), audience, Instant.now(), life), current);
  }

  /** An ID token issued at {@code issuedAt}, valid for {@code life} from then. */
  public String idToken(GitHubJob job, String audience, Instant issuedAt, Duration life) {
    return sign(claims(job.claims(), audience, issuedAt, life), current);
  }

  /** A token signed with {@code key}, whatever this issuer publishes now. */
  public String idTokenSignedWith(
      PublicJsonWebKey key, GitHubJob job, String audience, Duration life) {
    return sign(claims(job.claims(), audience, Instant.now(), life), key);
  }

  private JwtClaims claims(
      Map<String, Object> jobClaims, String audience, Instant issuedAt, Duration life) {
    JwtClaims claims = new JwtClaims();
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuer(url());
    claims.setAudience(audience);
    jobClaims.forEach(claims::setClaim);
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setNotBefore(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(life).getEpochSecond()));
    return claims;
  }

  private static String sign(JwtClaims claims, PublicJsonWebKey key) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setHeader("typ", "JWT");
    jws.setAlgorithmHeaderValue(key.getAlgorithm());
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/.well-known/openid-configuration")) {
      answer(
          ex,
          200,
          """
          {"issuer":"%1$s","jwks_uri":"%1$s/.well-known/jwks",\
          "subject_types_supported":["public","pairwise"],"response_types_supported":["id_token"],\
          "claims_supported":["sub","aud","exp","iat","iss","jti","nbf","ref","sha","repository",\
          "repository_id","repository_owner","repository_owner_id","run_id","run_number",\
          "run_attempt","actor","actor_id","workflow","workflow_ref","workflow_sha","head_ref",\
          "base_ref","event_name","ref_type","environment","job_workflow_ref",\
          "repository_visibility","runner_environment"],\
          "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid"]}"""
              .formatted(url()));
    } else if (path.equals("/.well-known/jwks")) {
      jwksFetches.add(Instant.now().toString());
      List<JsonWebKey> keys = new ArrayList<>(published);
      ex.getResponseHeaders().set("Cache-Control", "public, max-age=300");
      answer(ex, 200, new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    } else {
      answer(ex, 404, "{\"message\":\"Not Found\"}");
    }
  }

  /** The runner's token endpoint: GitHub's answers 401 without the job's bearer. */
  private void serveRunner(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equalsIgnoreCase("bearer " + requestToken)) {
      answer(ex, 401, "{\"message\":\"Bad credentials\"}");
      return;
    }
    String audience = url();
    String query = ex.getRequestURI().getRawQuery();
    for (String part : query == null ? new String[0] : query.split("&")) {
      if (part.startsWith("audience=")) {
        audience = URLDecoder.decode(part.substring(9), StandardCharsets.UTF_8);
      }
    }
    String token = sign(claims(job, audience, Instant.now(), Duration.ofMinutes(5)), current);
    answer(ex, 200, "{\"count\":1,\"value\":\"" + token + "\"}");
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    https.stop(0);
    runner.stop(0);
  }

  /**
   * A GitHub Actions job's identity claims, as GitHub documents them ("About security hardening
   * with OpenID Connect"): {@code sub} is {@code repo:OWNER/REPO:ref:REF}.
   */
  public record GitHubJob(String repository, String ref, String runId, String environment) {
    public static GitHubJob of(String repository, String ref) {
      return new GitHubJob(repository, ref, "7412345678", null);
    }

    public Map<String, Object> claims() {
      String owner = repository.substring(0, repository.indexOf('/'));
      String workflowRef = repository + "/.github/workflows/release.yml@" + ref;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put(
          "sub",
          environment == null
              ? "repo:" + repository + ":ref:" + ref
              : "repo:" + repository + ":environment:" + environment);
      c.put("ref", ref);
      c.put("sha", "e2b9f2d6c1d1a0f8d3f5b6a7c8d9e0f1a2b3c4d5");
      c.put("repository", repository);
      c.put("repository_owner", owner);
      c.put("repository_owner_id", "65432");
      c.put("repository_id", "123456789");
      c.put("repository_visibility", "private");
      c.put("run_id", runId);
      c.put("run_number", "42");
      c.put("run_attempt", "1");
      c.put("actor", "octocat");
      c.put("actor_id", "583231");
      c.put("workflow", "Release");
      c.put("workflow_ref", workflowRef);
      c.put("workflow_sha", "e2b9f2d6c1d1a0f8d3f5b6a7c8d9e0f1a2b3c4d5");
      c.put("job_workflow_ref", workflowRef);
      c.put("head_ref", "");
      c.put("base_ref", "");
      c.put("event_name", "push");
      c.put("ref_type", "branch");
      c.put("runner_environment", "github-hosted");
      if (environment != null) {
        c.put("environment", environment);
      }
      return c;
    }
  }

  /**
   * Writes a certificate for localhost of the test CA, and its key, as PEM files: for another
   * provider the test server must trust (Keycloak).
   */
  public static void certifyLocalhost(Path certificate, Path key) {
    ca().writeServerPem(certificate, key);
  }

  /** The test CA (made once per test JVM, its certificate written to {@link #CA_FILE}). */
  private static Ca ca() {
    synchronized (CA_LOCK) {
      if (ca == null) {
        ca = Ca.create();
      }
      return ca;
    }
  }

  private record Ca(KeyPair caKeys, X509Certificate caCert) {
    static Ca create() {
      try {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=Chainloop EE test OIDC CA");
        Instant now = Instant.now();
        var builder =
            new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(2))),
                name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate cert =
            new JcaX509CertificateConverter()
                .getCertificate(
                    builder.build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        Files.createDirectories(CA_FILE.getParent());
        Files.writeString(
            CA_FILE,
            "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return new Ca(keys, cert);
      } catch (Exception e) {
        throw new IllegalStateException("cannot create the test OIDC CA", e);
      }
    }

    /** TLS for a server named localhost / 127.0.0.1, certified by this CA. */
    SSLContext serverContext() {
      try {
        KeyPair keys = ecKeys();
        X509Certificate cert = localhost(keys);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "changeit".toCharArray();
        store.setKeyEntry(
            "server", keys.getPrivate(), password, new X509Certificate[] {cert, caCert});
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
      } catch (Exception e) {
        throw new IllegalStateException("cannot certify the test OIDC issuer", e);
      }
    }

    void writeServerPem(Path certificate, Path key) {
      try {
        KeyPair keys = ecKeys();
        X509Certificate cert = localhost(keys);
        Files.createDirectories(certificate.getParent());
        Files.writeString(
            certificate,
            pem("CERTIFICATE", cert.getEncoded()) + pem("CERTIFICATE", caCert.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
      } catch (Exception e) {
        throw new IllegalStateException("cannot certify localhost", e);
      }
    }

    private static String pem(String type, byte[] der) {
      return "-----BEGIN "
          + type
          + "-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
          + "\n-----END "
          + type
          + "-----\n";
    }

    private X509Certificate localhost(KeyPair keys) throws Exception {
      Instant now = Instant.now();
      var builder =
          new JcaX509v3CertificateBuilder(
              new X500Name(caCert.getSubjectX500Principal().getName()),
              new BigInteger(64, new java.security.SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(Duration.ofDays(1))),
              new X500Name("CN=localhost"),
              keys.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp256r1"));
      return ec.generateKeyPair();
    }
  }
}
