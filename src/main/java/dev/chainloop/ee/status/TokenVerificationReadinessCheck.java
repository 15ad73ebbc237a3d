package dev.chainloop.ee.status;

import dev.chainloop.ee.platform.security.TokenSelfCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this server verifies the tokens it signs (see {@link TokenSelfCheck}). */
@Readiness
@ApplicationScoped
public class TokenVerificationReadinessCheck implements HealthCheck {
  @Inject TokenSelfCheck selfCheck;

  @Override
  public HealthCheckResponse call() {
    TokenSelfCheck.Result result = selfCheck.check();
    return HealthCheckResponse.named("token-verification")
        .status(result.up())
        .withData("detail", result.detail())
        .withData("answered", result.answered())
        .build();
  }
}
