/**
 * Integrations: the kinds this control plane sends attestations to (webhook, Slack, Discord,
 * Dependency-Track), their registrations in an organization (secrets sealed by {@code SecretBox}),
 * their attachments to workflows, and the durable outbox of deliveries that the push writes in its
 * own transaction and any node then sends once per lease, with retries and backoff.
 *
 * <p>Owns the {@code integrations}, {@code integration_attachments} and {@code
 * integration_deliveries} tables. May call platform and the services of workflow (resolving a
 * workflow to attach to), artifact (the SBOMs Dependency-Track gets) and audit; observes
 * attestation's {@link dev.chainloop.ee.attestation.AttestationStored}. Nothing calls in here.
 */
package dev.chainloop.ee.integration;
