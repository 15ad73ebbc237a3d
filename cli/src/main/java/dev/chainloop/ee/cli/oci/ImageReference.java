package dev.chainloop.ee.cli.oci;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to an image or OCI artifact, {@code [registry/]repository[:tag][@sha256:hex]}, read
 * as the Docker and OCI tools read it: a first path component with a dot or a port, or {@code
 * localhost}, names the registry, else Docker Hub ({@code index.docker.io}, official images under
 * {@code library/}); no tag and no digest means {@code latest}.
 *
 * @param registry host[:port] as written (Docker Hub as {@code index.docker.io})
 * @param path the repository inside the registry, e.g. {@code chainloop-dev/chainloop/cli}
 * @param tag the tag, or null when only a digest was given
 * @param digest {@code sha256:<hex>}, or null when only a tag was given
 */
public record ImageReference(String registry, String path, String tag, String digest) {
  public static final String DOCKER_HUB = "index.docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+](?::[0-9]{1,5})?");

  /** Parses {@code text}, or says in one line why it is not a reference. */
  public static ImageReference parse(String text) {
    String rest = text.trim();
    if (rest.isEmpty() || rest.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("\"" + text + "\" is not an image reference");
    }
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw new IllegalArgumentException(
            "\"" + text + "\": the digest must be sha256:<64 hex characters>");
      }
    }
    String tag = null;
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw new IllegalArgumentException("\"" + text + "\": invalid tag \"" + tag + "\"");
      }
    }
    String registry = DOCKER_HUB;
    String path = rest;
    int first = rest.indexOf('/');
    if (first > 0) {
      String head = rest.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        if (!HOST.matcher(head).matches()) {
          throw new IllegalArgumentException("\"" + text + "\": invalid registry \"" + head + "\"");
        }
        registry = head.toLowerCase(Locale.ROOT);
        path = rest.substring(first + 1);
      }
    }
    if (registry.equals("docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    for (String component : path.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw new IllegalArgumentException(
            "\"" + text + "\": invalid repository name \"" + path + "\"");
      }
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(registry, path, tag, digest);
  }

  /**
   * {@code registry/path}: the name a statement records, e.g. {@code
   * index.docker.io/library/nginx}.
   */
  public String repository() {
    return registry + "/" + path;
  }

  /** What the manifest request names: the digest when pinned, else the tag. */
  public String reference() {
    return digest != null ? digest : tag;
  }

  public Optional<String> tagOrEmpty() {
    return Optional.ofNullable(tag);
  }

  public ImageReference withTag(String newTag) {
    return new ImageReference(registry, path, newTag, null);
  }

  /** The same repository in another registry and path (a mirror or a rewritten location). */
  public ImageReference at(String newRegistry, String newPath) {
    return new ImageReference(newRegistry, newPath, tag, digest);
  }

  /** Whether the registry is this machine, where plain HTTP is allowed as Docker allows it. */
  public boolean isLoopback() {
    String host =
        registry.startsWith("[")
            ? registry.substring(0, registry.indexOf(']') + 1)
            : registry.split(":", 2)[0];
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  @Override
  public String toString() {
    return repository() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
