package dev.chainloop.ee.cli.config;

import dev.chainloop.ee.cli.framework.GlobalFlags;
import dev.chainloop.ee.cli.framework.ParsedFlags;
import dev.chainloop.ee.cli.framework.UsageException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Global settings after applying the precedence flag &gt; environment &gt; config file &gt;
 * default.
 *
 * @param controlPlane the address as the user wrote it (what {@code config save} persists)
 * @param controlPlaneUrl normalised base URL, e.g. {@code https://cp.example.com:443}
 * @param controlPlaneCa an extra CA to trust for the control plane: a PEM file's path, PEM text or
 *     base64-encoded PEM, as upstream's {@code --control-plane-ca} accepts
 * @param maxResponseBytes the largest API answer the client reads ({@code --max-recv-msg-size})
 */
public record Settings(
    ConfigFile config,
    String controlPlane,
    URI controlPlaneUrl,
    boolean insecure,
    Optional<String> controlPlaneCa,
    long maxResponseBytes,
    Optional<Token> token,
    Optional<String> organization,
    boolean debug,
    boolean yes) {

  public static final String ENV_CONTROL_PLANE = "CHAINLOOP_CONTROL_PLANE_API";
  public static final String ENV_INSECURE = "CHAINLOOP_API_INSECURE";
  public static final String ENV_TOKEN = "CHAINLOOP_TOKEN";
  public static final String ENV_CONTROL_PLANE_CA = "CHAINLOOP_CONTROL_PLANE_API_CA";
  public static final String ENV_MAX_RECV_MSG_SIZE = "CHAINLOOP_API_MAX_RECV_MSG_SIZE";

  /** What upstream's gRPC client accepts per message when the flag is 0: 32 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  /** Where a bearer token came from; a token from the config file is the user's login token. */
  public enum TokenSource {
    FLAG,
    ENV,
    CONFIG
  }

  public record Token(String jwt, TokenSource source) {}

  public static Settings resolve(ParsedFlags globals, Map<String, String> env) {
    ConfigFile config =
        ConfigFile.load(
            globals
                .nonBlank(GlobalFlags.CONFIG)
                .map(java.nio.file.Path::of)
                .orElseGet(() -> ConfigFile.defaultPath(env)));

    boolean insecure;
    if (globals.isSet(GlobalFlags.INSECURE)) {
      insecure = true;
    } else if (nonBlank(env.get(ENV_INSECURE))) {
      insecure = parseBool(ENV_INSECURE, env.get(ENV_INSECURE));
    } else {
      insecure =
          config
              .get(ConfigFile.INSECURE)
              .map(v -> parseBool(ConfigFile.INSECURE, v.toString()))
              .orElse(false);
    }

    String controlPlane =
        flagOrElse(globals, GlobalFlags.CONTROL_PLANE)
            .or(() -> Optional.ofNullable(env.get(ENV_CONTROL_PLANE)).filter(Settings::nonBlank))
            .or(() -> config.getString(ConfigFile.CONTROL_PLANE))
            .orElse(GlobalFlags.DEFAULT_CONTROL_PLANE)
            .trim();

    Optional<Token> token =
        flagOrElse(globals, GlobalFlags.TOKEN)
            .map(t -> new Token(t.trim(), TokenSource.FLAG))
            .or(
                () ->
                    Optional.ofNullable(env.get(ENV_TOKEN))
                        .filter(Settings::nonBlank)
                        .map(t -> new Token(t.trim(), TokenSource.ENV)))
            .or(
                () ->
                    config
                        .getString(ConfigFile.AUTH_TOKEN)
                        .map(t -> new Token(t, TokenSource.CONFIG)));

    Optional<String> org =
        flagOrElse(globals, GlobalFlags.ORG).or(() -> config.getString(ConfigFile.ORGANIZATION));

    Optional<String> ca =
        flagOrElse(globals, GlobalFlags.CONTROL_PLANE_CA)
            .or(() -> Optional.ofNullable(env.get(ENV_CONTROL_PLANE_CA)).filter(Settings::nonBlank))
            .or(() -> config.getString(ConfigFile.CONTROL_PLANE_CA))
            .map(String::trim);

    String maxRecv =
        flagOrElse(globals, GlobalFlags.MAX_RECV_MSG_SIZE)
            .or(
                () ->
                    Optional.ofNullable(env.get(ENV_MAX_RECV_MSG_SIZE)).filter(Settings::nonBlank))
            .or(() -> config.get(ConfigFile.MAX_RECV_MSG_SIZE).map(Object::toString))
            .orElse("0");

    return new Settings(
        config,
        controlPlane,
        normalize(controlPlane, insecure),
        insecure,
        ca,
        maxResponseBytes(maxRecv),
        token,
        org,
        globals.bool(GlobalFlags.DEBUG),
        globals.bool(GlobalFlags.YES));
  }

  private static Optional<String> flagOrElse(ParsedFlags globals, String name) {
    return globals.isSet(name) ? globals.nonBlank(name) : Optional.empty();
  }

  /** Accepts a full http(s) URL as-is, or {@code host:port} which becomes https unless insecure. */
  static URI normalize(String address, boolean insecure) {
    String url = address.contains("://") ? address : (insecure ? "http://" : "https://") + address;
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("unsupported scheme or missing host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "invalid control plane address \"" + address + "\": use host:port or an http(s) URL");
    }
  }

  /** {@code 0} (or less, as upstream treats it) means the default. */
  static long maxResponseBytes(String raw) {
    long n;
    try {
      n = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(
          "invalid argument \""
              + raw
              + "\" for \"--"
              + GlobalFlags.MAX_RECV_MSG_SIZE
              + "\" flag: not a number");
    }
    return n <= 0 ? DEFAULT_MAX_RESPONSE_BYTES : n;
  }

  /** Same spellings as Go's strconv.ParseBool, which the upstream CLI accepts. */
  static boolean parseBool(String what, String raw) {
    return switch (raw.trim()) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw new UsageException("invalid boolean \"" + raw + "\" for " + what);
    };
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }
}
