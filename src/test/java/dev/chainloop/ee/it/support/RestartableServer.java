package dev.chainloop.ee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extra server of the ITs that kill or restart a server (CrashDurabilityIT, IntegrationsIT,
 * CasBackendsIT). A Liberty start is the slowest step of each, so they share one server for the
 * whole test run: copied from the IT server with every setting they need, on a database of its own
 * under PostgreSQL (no IT node's run-expiry sweeper or delivery worker touches its rows). A test
 * class asks for it as a parameter of its {@code @BeforeAll}; it is stopped when the run ends.
 */
public final class RestartableServer implements ExtensionContext.Store.CloseableResource {
  private static final int PORT = URI.create(Api.BASE_URL).getPort() + 11;
  private static final Path DATA = Path.of("target/it-data-restartable").toAbsolutePath();

  /**
   * Under PostgreSQL its database is the IT database's name with this suffix (scripts/postgres).
   */
  private static final String DATABASE_SUFFIX = "_restartable";

  private static final boolean POSTGRESQL = "postgresql".equals(System.getenv("DB_TYPE"));

  private final ExtraServer server;

  private RestartableServer(ExtraServer server) {
    this.server = server;
  }

  /** Resolves a {@link RestartableServer} parameter to the run's one instance, started. */
  public static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(RestartableServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == RestartableServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              RestartableServer.class, k -> RestartableServer.create(), RestartableServer.class);
    }
  }

  private static RestartableServer create() {
    try {
      RestartableServer created =
          new RestartableServer(
              ExtraServer.copyOfItServer(
                  "chainloop-restartable",
                  PORT,
                  DATA,
                  List.of(
                      "-Dchainloop.runs.",
                      "-Dchainloop.rate-limit.",
                      "-Dchainloop.integrations.",
                      "-Dchainloop.cas.validate-",
                      "-Dchainloop.limits.artifact-"),
                  List.of(
                      // Crashes: no open run expires while the test retries it.
                      "-Dchainloop.runs.timeout=1h",
                      // Many pushers and a 50 MB upload in a few seconds.
                      "-Dchainloop.rate-limit.requests-per-second=1000",
                      "-Dchainloop.rate-limit.burst=5000",
                      "-Dchainloop.limits.artifact-bytes=" + 64 * 1024 * 1024,
                      // Deliveries retried within a test.
                      "-Dchainloop.integrations.poll-seconds=1",
                      "-Dchainloop.integrations.backoff=1s",
                      "-Dchainloop.integrations.backoff-max=2s",
                      "-Dchainloop.integrations.max-attempts=100",
                      "-Dchainloop.integrations.timeout=20s",
                      "-Dchainloop.integrations.lease=25s",
                      // A backend that goes away is marked Invalid within a test.
                      "-Dchainloop.cas.validate-seconds=2")));
      created.start();
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the restartable server", e);
    }
  }

  public String url() {
    return server.url();
  }

  /** Its data directory: where no credential may ever be written. */
  public Path dataDir() {
    return DATA;
  }

  /**
   * The JDBC URL of its database under PostgreSQL, where its rows are not under {@link #dataDir()};
   * empty on embedded Derby (whose files are).
   */
  public Optional<String> jdbcUrl() {
    return POSTGRESQL
        ? Optional.of(System.getProperty("chainloop.test.jdbc.url") + DATABASE_SUFFIX)
        : Optional.empty();
  }

  public Path messagesLog() {
    return server.messagesLog();
  }

  /** Starts it (again), returning once it is ready. */
  public void start() throws Exception {
    Map<String, String> environment = new HashMap<>();
    if (POSTGRESQL) {
      environment.put("DB_NAME", System.getenv("DB_NAME") + DATABASE_SUFFIX);
    }
    server.start(environment);
    server.awaitReady(Duration.ofSeconds(300));
  }

  /** {@code server stop}: a clean shutdown. */
  public void stop() throws Exception {
    server.stop();
  }

  /** SIGKILL, returning once the JVM is gone. */
  public void kill() throws Exception {
    ProcessHandle jvm = server.process().orElseThrow();
    jvm.destroyForcibly();
    jvm.onExit().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
