package dev.chainloop.ee.cli.framework;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.ControlPlane;
import dev.chainloop.ee.cli.client.Jwt;
import dev.chainloop.ee.cli.client.TrustedCa;
import dev.chainloop.ee.cli.client.model.ApiObject;
import dev.chainloop.ee.cli.client.model.TokenExchange;
import dev.chainloop.ee.cli.config.CiIdentity;
import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.config.Settings;
import dev.chainloop.ee.cli.output.JsonPrinter;
import dev.chainloop.ee.cli.output.Log;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Everything one command run may use: its flags, the resolved settings, streams, the API client.
 */
public final class CliContext {
  private final Map<String, String> env;
  private final InputStream in;
  private final PrintStream out;
  private final Log log;
  private final Settings settings;
  private final ParsedFlags flags;
  private final String outputFormat;
  private final Clock clock;
  private final boolean acceptsCiIdentity;
  private BufferedReader inReader;
  private ControlPlane api;
  private ApiClient.Connection connection;

  public CliContext(
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      Log log,
      Settings settings,
      ParsedFlags flags,
      String outputFormat,
      Clock clock,
      boolean acceptsCiIdentity) {
    this.env = env;
    this.in = in;
    this.out = out;
    this.log = log;
    this.settings = settings;
    this.flags = flags;
    this.outputFormat = outputFormat;
    this.clock = clock;
    this.acceptsCiIdentity = acceptsCiIdentity;
  }

  public ParsedFlags flags() {
    return flags;
  }

  public Settings settings() {
    return settings;
  }

  public ConfigFile config() {
    return settings.config();
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintStream out() {
    return out;
  }

  public Log log() {
    return log;
  }

  public Clock clock() {
    return clock;
  }

  /** The validated value of {@code -o/--output}. */
  public String outputFormat() {
    return outputFormat;
  }

  public boolean jsonOutput() {
    return "json".equals(outputFormat);
  }

  public void printJson(JsonValue value) {
    out.println(JsonPrinter.print(value));
  }

  /** Prints an answer of the control plane as it was received. */
  public void printJson(ApiObject value) {
    printJson(value.json());
  }

  public void printJson(List<? extends ApiObject> values) {
    printJson(ApiObject.array(values));
  }

  public void print(Table table) {
    out.print(table.render());
  }

  /**
   * Client carrying the selected token; created on first use so offline commands never touch the
   * network.
   */
  public ControlPlane api() {
    if (api == null) {
      Optional<Settings.Token> token = settings.token();
      if (acceptsCiIdentity
          && token.map(t -> t.source() == Settings.TokenSource.CONFIG).orElse(true)) {
        Optional<Settings.Token> federated = federatedToken();
        if (federated.isPresent()) {
          token = federated;
        }
      }
      ApiClient.Credential credential = ApiClient.Credential.NONE;
      if (token.isPresent()) {
        Settings.Token t = token.get();
        if (t.source() == Settings.TokenSource.FLAG) {
          log.info("API token provided to the command line");
        }
        boolean user = t.source() == Settings.TokenSource.CONFIG || Jwt.isUserToken(t.jwt());
        credential = user ? ApiClient.Credential.USER_TOKEN : ApiClient.Credential.API_TOKEN;
        if (!user) {
          warnIfExpiringSoon(t.jwt());
        }
      }
      warnIfInsecure();
      api =
          new ControlPlane(
              ApiClient.authenticated(
                  connection(),
                  token.map(Settings.Token::jwt),
                  credential,
                  settings.organization(),
                  log));
    }
    return api;
  }

  /**
   * Without {@code --token} or {@code CHAINLOOP_TOKEN}, in a CI job that offers an OIDC identity:
   * the job's ID token exchanged at the control plane for a short-lived API credential.
   */
  private Optional<Settings.Token> federatedToken() {
    Optional<CiIdentity> ci = CiIdentity.detect(env);
    if (ci.isEmpty()) {
      return Optional.empty();
    }
    String audience =
        Optional.ofNullable(env.get(CiIdentity.ENV_AUDIENCE))
            .filter(a -> !a.isBlank())
            .map(String::trim)
            .orElse(CiIdentity.DEFAULT_AUDIENCE);
    String idToken = ci.get().idToken(audience);
    warnIfInsecure();
    // --org picks among organizations whose rules all accept this job
    TokenExchange exchanged =
        new ControlPlane(ApiClient.anonymous(connection(), settings.organization(), log))
            .exchangeIdToken(idToken);
    log.debug("using a federated credential from the CI job's OIDC identity");
    return Optional.of(new Settings.Token(exchanged.accessToken(), Settings.TokenSource.ENV));
  }

  /** Client without credentials, for status, signup and login. */
  public ControlPlane anonymousApi() {
    warnIfInsecure();
    return new ControlPlane(ApiClient.anonymous(connection(), log));
  }

  /** The control plane's address, TLS trust and answer size limit; built once per run. */
  public ApiClient.Connection connection() {
    if (connection == null) {
      SSLContext tls =
          settings
              .controlPlaneCa()
              .map(ca -> TrustedCa.sslContext(ca, "--" + GlobalFlags.CONTROL_PLANE_CA))
              .orElse(null);
      connection =
          new ApiClient.Connection(settings.controlPlaneUrl(), tls, settings.maxResponseBytes());
    }
    return connection;
  }

  private void warnIfInsecure() {
    if (settings.insecure()) {
      log.debug("API contacted in insecure mode");
    }
  }

  private void warnIfExpiringSoon(String jwt) {
    Jwt.expiry(jwt)
        .ifPresent(
            exp -> {
              Duration left = Duration.between(Instant.now(clock), exp);
              if (!left.isNegative() && left.compareTo(Duration.ofDays(7)) <= 0) {
                long days = (left.getSeconds() + 86_399) / 86_400;
                log.warn(
                    "the API token in use expires in " + days + (days == 1 ? " day" : " days"));
              }
            });
  }

  /** Asks for a y/N answer on stdin unless {@code --yes}; anything but y/yes declines. */
  public boolean confirm(String question) {
    if (settings.yes()) {
      return true;
    }
    log.info(question);
    log.info("Please confirm to continue y/N:");
    String answer = readLine().orElse("").trim().toLowerCase(Locale.ROOT);
    return answer.equals("y") || answer.equals("yes");
  }

  /** One line of the injected stdin, empty at end of input. */
  public Optional<String> readLine() {
    try {
      if (inReader == null) {
        inReader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      return Optional.ofNullable(inReader.readLine());
    } catch (IOException e) {
      throw new CliException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  /**
   * The terminal for interactive prompts, or a clear error naming the non-interactive alternative.
   */
  public Console console(String alternative) {
    Console console = System.console();
    if (console == null) {
      throw new CliException("no terminal available for prompting, " + alternative);
    }
    return console;
  }
}
