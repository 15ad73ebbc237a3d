package dev.chainloop.ee.backup;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Derby's online backup ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}): a transactionally consistent
 * copy of the whole database while writes go on, written to {@code <backup dir>/<name>/derby}.
 */
@ApplicationScoped
public class DatabaseBackup {
  private static final Pattern NAME = Pattern.compile("\\.?[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  @Resource(lookup = "jdbc/chainloop")
  DataSource dataSource;

  @Inject ChainloopConfig config;

  /** Backs the database up into a new directory {@code name} of the backup dir; its path. */
  public Path backUpInto(String name) {
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      throw new InvalidInputException(
          "into",
          "a directory name: letters, digits, . _ - (a leading dot for a staging directory)");
    }
    Path target = config.backupDir().toAbsolutePath().resolve(name);
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getMetaData().getDatabaseProductName().contains("Derby")) {
        throw new ConflictException(
            "the database is not the embedded Derby: back it up with pg_dump (scripts/backup does)");
      }
      Files.createDirectories(target.getParent());
      // Fails if it exists: two backups never write into one directory.
      Files.createDirectory(target);
      try (CallableStatement call =
          connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
        call.setString(1, target.toString());
        call.execute();
      }
      return target;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new ConflictException("the backup directory " + name + " exists already");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Derby online backup failed: " + e.getMessage(), e);
    }
  }
}
