package dev.chainloop.ee.run;

import java.util.Locale;
import java.util.Optional;

/**
 * What the contract's policies said about a run's attestation: no violation, violations (reported
 * under ADVISORY, or blocking when gated or ENFORCED), or blocking violations pushed anyway with
 * {@code --exception-bypass-policy-check}. Runs whose contract attaches no policy have none.
 */
public enum PolicyStatus {
  PASSED,
  FAILED,
  BYPASSED;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PolicyStatus> parse(String text) {
    for (PolicyStatus s : values()) {
      if (s.db().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
