package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.PeriodicJob;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Re-reads the token signing keys every {@code chainloop.keys.reload-seconds} (default 10), so that
 * a key dropped into or deleted from the keys directory takes effect on every node without a
 * restart ({@link SigningKeys}); then fires {@link KeysReloaded} for the other key sets there.
 */
@Singleton
@Startup
public class SigningKeysReload extends PeriodicJob {
  @Inject SigningKeys keys;
  @Inject Event<KeysReloaded> reloaded;

  public SigningKeysReload() {
    super("chainloop.keys.reload-seconds", 10);
  }

  @Override
  protected void runAt(Instant now) {
    keys.reload();
    reloaded.fire(new KeysReloaded());
  }
}
