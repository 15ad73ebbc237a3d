package dev.chainloop.ee.cli.framework;

import java.util.List;

/** The persistent flags every command accepts, named as in the upstream CLI. */
public final class GlobalFlags {
  public static final String CONFIG = "config";
  public static final String CONTROL_PLANE = "control-plane";
  public static final String CONTROL_PLANE_CA = "control-plane-ca";
  public static final String ARTIFACT_CAS = "artifact-cas";
  public static final String ARTIFACT_CAS_CA = "artifact-cas-ca";
  public static final String MAX_RECV_MSG_SIZE = "max-recv-msg-size";
  public static final String INSECURE = "insecure";
  public static final String TOKEN = "token";
  public static final String ORG = "org";
  public static final String OUTPUT = "output";
  public static final String DEBUG = "debug";
  public static final String YES = "yes";
  public static final String HELP = "help";

  public static final String DEFAULT_CONTROL_PLANE = "http://localhost:9080";

  private GlobalFlags() {}

  public static FlagSet declare() {
    return declare(List.of("table", "json"));
  }

  /**
   * @param outputFormats the formats the current command accepts; the first is the default
   */
  public static FlagSet declare(List<String> outputFormats) {
    FlagSet f = new FlagSet();
    f.string(
            CONFIG,
            "Path to an existing config file (default is $HOME/.config/chainloop/config.toml)")
        .shorthand("c");
    f.string(
            CONTROL_PLANE,
            "URL or host:port of the Control Plane API (\"CHAINLOOP_CONTROL_PLANE_API\" env var)")
        .defaultValue(DEFAULT_CONTROL_PLANE);
    f.string(
        CONTROL_PLANE_CA,
        "CUSTOM CA file (or PEM / base64 PEM content) for the Control Plane API, trusted on top of"
            + " the system CAs (optional) (\"CHAINLOOP_CONTROL_PLANE_API_CA\" env var)");
    // Upstream pipelines pass the CAS address; here artifacts travel through the control plane.
    f.string(
        ARTIFACT_CAS,
        "URL for the Artifacts CAS API: accepted for compatibility and not used, artifacts are"
            + " stored through the Control Plane (\"CHAINLOOP_ARTIFACT_CAS_API\" env var)");
    f.string(
        ARTIFACT_CAS_CA,
        "CUSTOM CA file for the Artifacts CAS API: accepted for compatibility and not used, see"
            + " --control-plane-ca (\"CHAINLOOP_ARTIFACT_CAS_API_CA\" env var)");
    f.integer(
        MAX_RECV_MSG_SIZE,
        "Max size in bytes of a Control Plane API response (0 = default 33554432)"
            + " (\"CHAINLOOP_API_MAX_RECV_MSG_SIZE\" env var)");
    f.bool(DEBUG, "Enable debug/verbose logging mode");
    f.bool(
            INSECURE,
            "Use plain HTTP for a host:port control plane address (\"CHAINLOOP_API_INSECURE\" env var)")
        .shorthand("i");
    f.string(ORG, "organization name").shorthand("n");
    f.string(OUTPUT, "Output format, valid options are " + describe(outputFormats))
        .shorthand("o")
        .defaultValue(outputFormats.get(0));
    f.string(TOKEN, "API token. NOTE: Alternatively use the env variable CHAINLOOP_TOKEN")
        .shorthand("t");
    f.bool(YES, "Skip confirmation").shorthand("y");
    return f;
  }

  private static String describe(java.util.List<String> formats) {
    if (formats.size() == 1) {
      return formats.get(0);
    }
    return String.join(", ", formats.subList(0, formats.size() - 1))
        + " and "
        + formats.get(formats.size() - 1);
  }
}
