package dev.chainloop.ee.cli.config;

import dev.chainloop.ee.cli.framework.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's TOML config file, addressed with dotted keys ({@code organization}, {@code
 * control-plane.API}, {@code auth.token}). Key lookup ignores case because viper-written files
 * lower-case every key.
 */
public final class ConfigFile {
  public static final String ORGANIZATION = "organization";
  public static final String CONTROL_PLANE = "control-plane.API";
  public static final String INSECURE = "api-insecure";
  public static final String AUTH_TOKEN = "auth.token";
  public static final String CONTROL_PLANE_CA = "control-plane.api-ca";
  public static final String MAX_RECV_MSG_SIZE = "api-max-recv-msg-size";

  private final Path path;
  private final Map<String, Object> doc;

  private ConfigFile(Path path, Map<String, Object> doc) {
    this.path = path;
    this.doc = doc;
  }

  /** Loads the file, or an empty config when it does not exist yet. */
  public static ConfigFile load(Path path) {
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      return new ConfigFile(path, Toml.parse(text));
    } catch (NoSuchFileException e) {
      return new ConfigFile(path, new LinkedHashMap<>());
    } catch (IOException e) {
      throw new CliException("cannot read config file " + path + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid config file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Default location: {@code $XDG_CONFIG_HOME/chainloop/config.toml}, else {@code
   * ~/.config/chainloop/config.toml}.
   */
  public static Path defaultPath(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "chainloop", "config.toml");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".config", "chainloop", "config.toml");
  }

  public Path path() {
    return path;
  }

  public Optional<String> getString(String dottedKey) {
    return get(dottedKey).map(Object::toString).filter(s -> !s.isEmpty());
  }

  public Optional<Object> get(String dottedKey) {
    String[] parts = split(dottedKey);
    Map<?, ?> container = parts[0] == null ? doc : asMap(lookup(doc, parts[0]));
    if (container == null) {
      return Optional.empty();
    }
    Object value = lookup(container, parts[1]);
    return value instanceof Map ? Optional.empty() : Optional.ofNullable(value);
  }

  public void set(String dottedKey, Object value) {
    String[] parts = split(dottedKey);
    Map<String, Object> container = doc;
    if (parts[0] != null) {
      String sectionKey = actualKey(doc, parts[0]).orElse(parts[0]);
      container = asMap(doc.get(sectionKey));
      if (container == null) {
        container = new LinkedHashMap<>();
        doc.put(sectionKey, container);
      }
    }
    String key = actualKey(container, parts[1]).orElse(parts[1]);
    container.put(key, value);
  }

  public void remove(String dottedKey) {
    String[] parts = split(dottedKey);
    Map<String, Object> container = parts[0] == null ? doc : asMap(lookup(doc, parts[0]));
    if (container != null) {
      actualKey(container, parts[1]).ifPresent(container::remove);
      if (parts[0] != null && container.isEmpty()) {
        actualKey(doc, parts[0]).ifPresent(doc::remove);
      }
    }
  }

  /** Writes atomically with owner-only permissions: the file holds bearer tokens. */
  public void save() {
    try {
      Path dir = path.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + path.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
      }
      Files.writeString(tmp, Toml.write(doc), StandardCharsets.UTF_8);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException("cannot write config file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the file; returns false when there was none. */
  public boolean delete() {
    try {
      doc.clear();
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new CliException("cannot delete config file " + path + ": " + e.getMessage(), e);
    }
  }

  private static String[] split(String dottedKey) {
    int dot = dottedKey.indexOf('.');
    return dot < 0
        ? new String[] {null, dottedKey}
        : new String[] {dottedKey.substring(0, dot), dottedKey.substring(dot + 1)};
  }

  private static Object lookup(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (((String) e.getKey()).equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static Optional<String> actualKey(Map<String, Object> map, String key) {
    return map.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : null;
  }
}
