package dev.chainloop.ee.cli.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.chainloop.ee.cli.framework.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where to fetch an image from: the {@code [[registry]]} entries of containers-registries.conf(5),
 * the file Podman, Buildah, Skopeo and CRI-O read, so that a runner behind a pull-through mirror or
 * in an air-gapped network resolves {@code ghcr.io/...} at its own registry. Read from {@code
 * $CONTAINERS_REGISTRIES_CONF}, else {@code ~/.config/containers/registries.conf}, else {@code
 * /etc/containers/registries.conf}; no file means every reference is fetched where it names.
 *
 * <p>Honoured keys: {@code prefix} (defaults to {@code location}), {@code location}, {@code
 * insecure} (plain HTTP), {@code blocked}, and {@code [[registry.mirror]]} with {@code location}
 * and {@code insecure}: mirrors are tried in order, then the location itself. The longest matching
 * prefix wins, as in the file's own rules.
 */
public final class RegistryMirrors {
  /** One place to try: a registry host and the repository path there. */
  public record Endpoint(ImageReference reference, boolean insecure) {}

  private record Mirror(String location, boolean insecure) {}

  private record Entry(
      String prefix, String location, boolean insecure, boolean blocked, List<Mirror> mirrors) {}

  private static final RegistryMirrors NONE = new RegistryMirrors(List.of());

  private final List<Entry> entries;

  private RegistryMirrors(List<Entry> entries) {
    this.entries = entries;
  }

  /** The configuration that applies to this process, read from the first file that exists. */
  public static RegistryMirrors load(Map<String, String> env) {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(env.get("CONTAINERS_REGISTRIES_CONF"))
        .filter(s -> !s.isBlank())
        .ifPresent(s -> candidates.add(Path.of(s)));
    Optional.ofNullable(env.get("HOME"))
        .ifPresent(h -> candidates.add(Path.of(h, ".config", "containers", "registries.conf")));
    candidates.add(Path.of("/etc/containers/registries.conf"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return read(p);
      }
    }
    return NONE;
  }

  static RegistryMirrors read(Path file) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new CliException(
          "cannot read registry configuration " + file + ": " + firstLine(e.getMessage()));
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode r : root.path("registry")) {
      String location = r.path("location").asText("");
      String prefix = r.path("prefix").asText(location);
      if (prefix.isBlank()) {
        throw new CliException(
            "registry configuration " + file + ": a [[registry]] needs a prefix or a location");
      }
      List<Mirror> mirrors = new ArrayList<>();
      for (JsonNode m : r.path("mirror")) {
        String ml = m.path("location").asText("");
        if (ml.isBlank()) {
          throw new CliException(
              "registry configuration " + file + ": a [[registry.mirror]] needs a location");
        }
        mirrors.add(new Mirror(trimSlash(ml), m.path("insecure").asBoolean(false)));
      }
      entries.add(
          new Entry(
              trimSlash(prefix),
              trimSlash(location.isBlank() ? prefix : location),
              r.path("insecure").asBoolean(false),
              r.path("blocked").asBoolean(false),
              List.copyOf(mirrors)));
    }
    entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
    return new RegistryMirrors(List.copyOf(entries));
  }

  /** Where to look for {@code ref}, in order; a blocked registry is refused here. */
  public List<Endpoint> endpoints(ImageReference ref) {
    String name = ref.repository();
    for (Entry e : entries) {
      if (!matches(name, e.prefix())) {
        continue;
      }
      if (e.blocked()) {
        throw new CliException(
            "registry " + e.prefix() + " is blocked by the registry configuration");
      }
      String suffix = name.substring(e.prefix().length());
      List<Endpoint> out = new ArrayList<>();
      for (Mirror m : e.mirrors()) {
        out.add(new Endpoint(rewrite(ref, m.location() + suffix), m.insecure()));
      }
      out.add(new Endpoint(rewrite(ref, e.location() + suffix), e.insecure()));
      return out;
    }
    return List.of(new Endpoint(ref, false));
  }

  private static boolean matches(String name, String prefix) {
    return name.equals(prefix) || (name.startsWith(prefix) && name.charAt(prefix.length()) == '/');
  }

  private static ImageReference rewrite(ImageReference ref, String repository) {
    int slash = repository.indexOf('/');
    return slash < 0
        ? ref.at(repository, ref.path())
        : ref.at(repository.substring(0, slash), repository.substring(slash + 1));
  }

  /** Without a trailing slash, Docker Hub under its canonical name (index.docker.io). */
  private static String trimSlash(String s) {
    String t = s.trim();
    t = t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    for (String hub : List.of("docker.io", "registry-1.docker.io")) {
      if (t.equals(hub) || t.startsWith(hub + "/")) {
        return ImageReference.DOCKER_HUB + t.substring(hub.length());
      }
    }
    return t;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
