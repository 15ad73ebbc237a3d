package dev.chainloop.ee.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/** {@code <data>/cas/<2 hex>/<hex>}; files appear by atomic rename, so readers never see half. */
final class FilesystemArtifactStore implements ArtifactStore {
  private final Path root;

  FilesystemArtifactStore(Path root) {
    this.root = root;
  }

  private Path file(String hex) {
    return root.resolve(hex.substring(0, 2)).resolve(hex);
  }

  @Override
  public OptionalLong size(String hex) throws IOException {
    Path f = file(hex);
    return Files.exists(f) ? OptionalLong.of(Files.size(f)) : OptionalLong.empty();
  }

  @Override
  public void put(String hex, Path verifiedFile, long size) throws IOException {
    Path target = file(hex);
    if (Files.exists(target)) {
      Files.deleteIfExists(verifiedFile);
      return;
    }
    Files.createDirectories(target.getParent());
    Files.move(
        verifiedFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public InputStream open(String hex) throws IOException {
    return Files.newInputStream(file(hex));
  }
}
