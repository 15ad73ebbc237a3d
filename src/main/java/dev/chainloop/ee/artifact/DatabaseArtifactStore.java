package dev.chainloop.ee.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** The {@code cas_blobs} table, streamed through JDBC; reads are spooled to a temporary file. */
final class DatabaseArtifactStore implements ArtifactStore {
  private final DataSource dataSource;
  private final Path spool;

  DatabaseArtifactStore(DataSource dataSource, Path spool) {
    this.dataSource = dataSource;
    this.spool = spool;
  }

  @Override
  public OptionalLong size(String hex) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT size_bytes FROM cas_blobs WHERE digest = ?")) {
      s.setString(1, hex);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IOException("cannot read the artifact table", e);
    }
  }

  @Override
  public void put(String hex, Path verifiedFile, long size) throws IOException {
    try {
      if (size(hex).isPresent()) {
        return;
      }
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO cas_blobs (digest, size_bytes, content, created_at) VALUES (?, ?, ?, ?)");
          InputStream in = Files.newInputStream(verifiedFile)) {
        s.setString(1, hex);
        s.setLong(2, size);
        s.setBinaryStream(3, in, size);
        s.setTimestamp(4, Timestamp.from(Instant.now()));
        s.executeUpdate();
      } catch (SQLException e) {
        throw new IOException("cannot store the artifact", e);
      }
    } finally {
      Files.deleteIfExists(verifiedFile);
    }
  }

  @Override
  public InputStream open(String hex) throws IOException {
    Path tmp = Files.createTempFile(spool, "read", ".tmp");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT content FROM cas_blobs WHERE digest = ?")) {
      s.setString(1, hex);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IOException("artifact " + hex + " vanished");
        }
        try (InputStream in = r.getBinaryStream(1)) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return new FilterInputStream(Files.newInputStream(tmp)) {
        @Override
        public void close() throws IOException {
          super.close();
          Files.deleteIfExists(tmp);
        }
      };
    } catch (SQLException | IOException e) {
      Files.deleteIfExists(tmp);
      throw e instanceof IOException io ? io : new IOException("cannot read the artifact", e);
    }
  }
}
