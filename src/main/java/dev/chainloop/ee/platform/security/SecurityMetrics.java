package dev.chainloop.ee.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts rejected credentials by reason: {@code chainloop_token_rejections_total{reason=...}}. */
@ApplicationScoped
public class SecurityMetrics {
  @Inject MetricRegistry registry;

  public void rejected(String reason) {
    registry.counter("chainloop_token_rejections", new Tag("reason", reason)).inc();
  }
}
