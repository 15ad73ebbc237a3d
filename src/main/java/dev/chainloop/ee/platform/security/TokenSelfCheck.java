package dev.chainloop.ee.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Proves that this server verifies the tokens it issues, through the path every request takes: it
 * signs a short-lived probe token and sends it over HTTP to its own probe operation, where
 * MicroProfile JWT must accept it. A server whose token verification is not active (for example an
 * SSL configuration that did not initialize, so mpJwt never starts) would otherwise reject every
 * token with a 401 while it reports ready. The result feeds the readiness check and is logged once
 * per change, the first time shortly after start ({@link TokenSelfCheckAtStart}).
 *
 * <p>The probe token's {@code jti} is random per node and lives only in memory; the authentication
 * filter accepts it on the probe operation only, where it grants nothing.
 */
@ApplicationScoped
public class TokenSelfCheck {
  public static final String PROBE_PATH = "/api/v1/status/token-check";
  private static final Logger LOG = Logger.getLogger(TokenSelfCheck.class.getName());
  private static final Duration PROBE_TOKEN_LIFETIME = Duration.ofMinutes(10);
  private static final Duration UP_FOR = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The outcome of one probe: {@code verified} is meaningful only when {@code answered}. */
  public record Result(boolean answered, boolean verified, String detail, Instant at) {
    public boolean up() {
      return answered && verified;
    }
  }

  @Inject TokenIssuer issuer;

  private final String probeJti = "token-probe-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  private String probeToken;
  private Instant probeTokenRefreshAt = Instant.EPOCH;
  private Result last;
  private Result lastAnswered;

  public boolean isProbe(JsonWebToken jwt) {
    return probeJti.equals(jwt.getTokenID());
  }

  /** The latest result, probing again when it is stale or was not a success. */
  public synchronized Result check() {
    Instant now = Clock.systemUTC().instant();
    if (last == null || !last.up() || last.at().plus(UP_FOR).isBefore(now)) {
      record(probe(now));
    }
    return last;
  }

  private void record(Result result) {
    last = result;
    if (!result.answered()) {
      return;
    }
    // Changes are judged against the last answered probe: after an unanswered first probe (a
    // timeout while the server was still starting under load) a failure must still be logged.
    boolean changed = lastAnswered == null || lastAnswered.up() != result.up();
    lastAnswered = result;
    if (!changed) {
      return;
    }
    if (result.up()) {
      LOG.info("Token verification self-check passed: this server verifies the tokens it signs");
    } else {
      LOG.severe(
          "Token verification self-check FAILED: this server rejects the tokens it signs ("
              + result.detail()
              + "); every authenticated request will answer 401. Check the <mpJwt> and"
              + " <keyStore id=\"defaultKeyStore\"> configuration and the CWWKS/CWPKI errors above.");
    }
  }

  private Result probe(Instant now) {
    Optional<URI> base = selfUri();
    if (base.isEmpty()) {
      return new Result(false, false, "no HTTP endpoint to probe", now);
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(base.get().resolve(PROBE_PATH))
              .timeout(REQUEST_TIMEOUT)
              .header("Authorization", "Bearer " + probeToken(now))
              .GET()
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return switch (status) {
        case 204 -> new Result(true, true, "probe token accepted", now);
        case 401 -> new Result(true, false, "the probe token was refused with 401", now);
        // The port listens before the application is mapped (404) or while it starts (503).
        case 404, 503 -> new Result(false, false, "application not serving yet", now);
        default -> new Result(true, false, "the probe answered HTTP " + status, now);
      };
    } catch (IOException notListening) {
      return new Result(false, false, "not listening yet: " + notListening, now);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return new Result(false, false, "interrupted", now);
    } catch (RuntimeException unexpected) {
      LOG.log(Level.WARNING, "Token verification self-check could not probe", unexpected);
      return new Result(false, false, "probe failed: " + unexpected, now);
    }
  }

  private String probeToken(Instant now) {
    if (probeToken == null || now.isAfter(probeTokenRefreshAt)) {
      probeToken =
          issuer.issue(
              TokenKind.USER, probeJti, null, now, now.plus(PROBE_TOKEN_LIFETIME), Map.of());
      probeTokenRefreshAt = now.plus(PROBE_TOKEN_LIFETIME.dividedBy(2));
    }
    return probeToken;
  }

  /** Loopback URL of the server's HTTP endpoint, from Liberty's endpoint MBean. */
  private static Optional<URI> selfUri() {
    try {
      ObjectName endpoint =
          new ObjectName("WebSphere:feature=channelfw,type=endpoint,name=defaultHttpEndpoint");
      var server = ManagementFactory.getPlatformMBeanServer();
      if (!server.isRegistered(endpoint)) {
        return Optional.empty();
      }
      int port = (Integer) server.getAttribute(endpoint, "Port");
      String host = (String) server.getAttribute(endpoint, "Host");
      if (port <= 0) {
        return Optional.empty();
      }
      if (host == null || host.isBlank() || host.equals("*") || host.equals("0.0.0.0")) {
        host = "127.0.0.1";
      } else if (host.contains(":") && !host.startsWith("[")) {
        host = "[" + host + "]";
      }
      return Optional.of(URI.create("http://" + host + ":" + port));
    } catch (JMException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
