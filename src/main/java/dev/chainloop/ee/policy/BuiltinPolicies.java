package dev.chainloop.ee.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy library every organization can use at once, by name in a contract's {@code ref}. The
 * documents ship with the server (resources next to this class) and compile when first loaded.
 */
public final class BuiltinPolicies {
  public static final List<String> NAMES =
      List.of(
          "sbom-present",
          "containers-with-sbom",
          "sbom-min-components",
          "sbom-banned-licenses",
          "sbom-banned-components",
          "vulnerabilities-max-severity",
          "junit-all-passed",
          "artifact-signed",
          "container-image-pinned",
          "runner-is-ci",
          "secrets-scan-clean");

  private static final Map<String, String> BODIES = load();

  private BuiltinPolicies() {}

  /** The document of built-in policy {@code name}. */
  public static Optional<String> body(String name) {
    return Optional.ofNullable(BODIES.get(name));
  }

  private static Map<String, String> load() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : NAMES) {
      try (InputStream in =
          BuiltinPolicies.class.getResourceAsStream("builtin/" + name + ".yaml")) {
        if (in == null) {
          throw new IllegalStateException("built-in policy " + name + " is missing");
        }
        out.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(out);
  }
}
