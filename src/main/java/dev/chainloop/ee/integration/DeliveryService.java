package dev.chainloop.ee.integration;

import dev.chainloop.ee.attestation.AttestationStored;
import dev.chainloop.ee.platform.security.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox of integration deliveries: written in the transaction that stores an attestation, then
 * claimed, one lease at a time, by whichever node's {@link DeliveryProcessor} gets there first;
 * each outcome is recorded in a transaction of its own.
 */
@Stateless
public class DeliveryService {
  private static final int CANDIDATES = 10;

  @Inject DeliveryRepository repository;
  @Inject IntegrationRepository integrations;
  @Inject SecretBox secrets;

  /**
   * What a claimed delivery needs to be sent: the summary, the registration's options (secrets
   * opened) and the attachment's.
   */
  record Claimed(
      String id,
      String organizationId,
      IntegrationKind kind,
      int attempt,
      AttestationSummary summary,
      Map<String, String> registration,
      Map<String, String> attachment) {}

  /**
   * One delivery per integration attached to the attestation's workflow that wants it, in the
   * storing transaction: they exist exactly when the attestation does.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void enqueue(AttestationStored event, Instant now) {
    List<AttachedIntegration> attached =
        integrations.attachmentsOfWorkflow(event.organizationId(), event.workflowId());
    if (attached.isEmpty()) {
      return;
    }
    AttestationSummary summary = AttestationSummary.of(event, now);
    String payload = summary.json().toString();
    for (AttachedIntegration a : attached) {
      Optional<RegisteredIntegration> integration = integrations.findById(a.getIntegrationId());
      if (integration.isEmpty() || !wants(integration.get().getKind(), summary)) {
        continue;
      }
      repository.save(
          new IntegrationDelivery(
              a, integration.get(), event.runId(), event.digest(), payload, now));
    }
  }

  private static boolean wants(IntegrationKind kind, AttestationSummary summary) {
    return kind.subscribedInputs().isEmpty()
        || kind.subscribedInputs().stream().anyMatch(k -> !summary.digestsOf(k).isEmpty());
  }

  /**
   * Takes the lease of the next due delivery for {@code node}; a delivery whose integration was
   * deleted since is marked failed instead.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Claimed> claimNext(String node, Instant now, Duration lease) {
    for (String id : repository.due(now, CANDIDATES)) {
      if (!repository.claim(id, node, now, now.plus(lease))) {
        continue; // another node took it
      }
      IntegrationDelivery d = repository.find(id).orElseThrow();
      Optional<RegisteredIntegration> integration = integrations.findById(d.getIntegrationId());
      if (integration.isEmpty()) {
        d.failed("the integration was deleted", null);
        continue;
      }
      RegisteredIntegration i = integration.get();
      Map<String, String> registration = new LinkedHashMap<>(OptionMaps.fromJson(i.getConfig()));
      registration.putAll(OptionMaps.fromJson(secrets.open(i.secretContext(), i.getSecrets())));
      Map<String, String> attachment =
          integrations
              .findAttachment(d.getOrganizationId(), d.getAttachmentId())
              .map(a -> OptionMaps.fromJson(a.getConfig()))
              .orElse(Map.of());
      return Optional.of(
          new Claimed(
              d.getId(),
              d.getOrganizationId(),
              i.getKind(),
              d.getAttempts(),
              AttestationSummary.parse(d.getPayload()),
              registration,
              attachment));
    }
    return Optional.empty();
  }

  /** Sent; ignored if {@code node} lost the lease meanwhile. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void delivered(String id, String node, Instant now) {
    repository
        .find(id)
        .filter(d -> node.equals(d.getLeaseOwner()))
        .ifPresent(d -> d.delivered(now));
  }

  /**
   * A failed attempt: retried after {@code backoff} doubled per attempt (at most {@code
   * maxBackoff}), or given up after {@code maxAttempts}.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(
      String id,
      String node,
      String error,
      Instant now,
      Duration backoff,
      Duration maxBackoff,
      int maxAttempts) {
    repository
        .find(id)
        .filter(d -> node.equals(d.getLeaseOwner()))
        .ifPresent(
            d ->
                d.failed(
                    error,
                    d.getAttempts() >= maxAttempts
                        ? null
                        : now.plus(backoff(d.getAttempts(), backoff, maxBackoff))));
  }

  /** {@code base} × 2^(attempt-1), capped. */
  static Duration backoff(int attempt, Duration base, Duration max) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    Duration d = base.multipliedBy(1L << doublings);
    return d.compareTo(max) > 0 ? max : d;
  }
}
