package dev.chainloop.ee.apitoken;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Records when a token was last used, in its own short transaction: the credential check that calls
 * it runs without one, and needs this write at most once per token per {@link
 * ApiTokenAuthenticator#LAST_USED_WINDOW}.
 */
@Stateless
public class ApiTokenUsage {
  @Inject ApiTokenRepository repository;

  public void record(String tokenId, Instant now) {
    repository.touch(tokenId, now, now.minus(ApiTokenAuthenticator.LAST_USED_WINDOW));
  }
}
