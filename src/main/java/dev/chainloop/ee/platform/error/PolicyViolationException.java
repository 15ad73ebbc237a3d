package dev.chainloop.ee.platform.error;

import java.util.List;

/**
 * 422: the request is well formed but the organization's policies refuse it (a gated policy, or any
 * policy under the ENFORCED strategy, found violations); each violation is listed.
 */
public class PolicyViolationException extends ApiException {
  public PolicyViolationException(String detail, List<Violation> violations) {
    super(422, "policy-violation", detail, violations);
  }
}
