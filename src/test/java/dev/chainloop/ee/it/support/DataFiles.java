package dev.chainloop.ee.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a server wrote to disk, searched as bytes: proves a secret is nowhere in clear (embedded
 * Derby's pages and its transaction log, which holds every row image at commit, are files under the
 * data directory).
 */
public final class DataFiles {
  private DataFiles() {}

  /** The regular files under {@code root} whose bytes contain {@code text} (UTF-8). */
  public static List<Path> containing(Path root, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                try {
                  return contains(Files.readAllBytes(f), needle);
                } catch (IOException gone) {
                  return false; // a temporary file removed meanwhile
                }
              })
          .toList();
    }
  }

  public static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
