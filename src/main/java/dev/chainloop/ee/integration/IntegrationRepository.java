package dev.chainloop.ee.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Registered integrations and their attachments to workflows. */
@ApplicationScoped
public class IntegrationRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<RegisteredIntegration> findByName(String orgId, String name) {
    return em.createNamedQuery("RegisteredIntegration.byName", RegisteredIntegration.class)
        .setParameter("orgId", orgId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  Optional<RegisteredIntegration> findById(String id) {
    return Optional.ofNullable(em.find(RegisteredIntegration.class, id));
  }

  List<RegisteredIntegration> list(String orgId) {
    return em.createNamedQuery("RegisteredIntegration.ofOrg", RegisteredIntegration.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  void save(RegisteredIntegration integration) {
    em.persist(integration);
    em.flush();
  }

  /** Deletes the registration and its attachments. */
  void delete(RegisteredIntegration integration) {
    attachmentsOf(integration.getId()).forEach(em::remove);
    em.remove(integration);
  }

  List<AttachedIntegration> attachmentsOf(String integrationId) {
    return em.createNamedQuery("AttachedIntegration.ofIntegration", AttachedIntegration.class)
        .setParameter("integrationId", integrationId)
        .getResultList();
  }

  /**
   * The workflow's attachments, oldest first; sorted here rather than by a Derby sort on every
   * attestation (see WorkflowRepository#liveByName).
   */
  List<AttachedIntegration> attachmentsOfWorkflow(String orgId, String workflowId) {
    List<AttachedIntegration> found =
        new ArrayList<>(
            em.createNamedQuery("AttachedIntegration.ofWorkflow", AttachedIntegration.class)
                .setParameter("orgId", orgId)
                .setParameter("workflowId", workflowId)
                .getResultList());
    found.sort(
        Comparator.comparing(AttachedIntegration::getCreatedAt)
            .thenComparing(AttachedIntegration::getId));
    return found;
  }

  List<AttachedIntegration> attachments(String orgId) {
    return em.createNamedQuery("AttachedIntegration.ofOrg", AttachedIntegration.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  Optional<AttachedIntegration> findAttachment(String orgId, String id) {
    return em.createNamedQuery("AttachedIntegration.byId", AttachedIntegration.class)
        .setParameter("orgId", orgId)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  void save(AttachedIntegration attachment) {
    em.persist(attachment);
    em.flush();
  }

  void delete(AttachedIntegration attachment) {
    em.remove(attachment);
  }
}
