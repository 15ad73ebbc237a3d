package dev.chainloop.ee.artifact;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * First writes of a digest, each in its own transaction: when two uploads of the same new digest
 * race, the loser's insert hits the unique key and rolls back alone, and the caller re-reads
 * instead of failing the whole upload.
 */
@Stateless
public class CasInserts {
  @Inject ArtifactRepository repository;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void insertRef(ArtifactRef ref) {
    repository.save(ref);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void put(ArtifactStore store, String hex, Path file, long size) {
    try {
      store.put(hex, file, size);
    } catch (IOException e) {
      // unchecked, so that this transaction rolls back
      throw new UncheckedIOException(e);
    }
  }
}
