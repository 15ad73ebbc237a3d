package dev.chainloop.ee.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Policies and policy groups, and their revisions ({@link Policy}, {@link PolicyVersion}). */
@ApplicationScoped
public class PolicyRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  /** Gives the rows written before policy groups existed (no kind) the kind POLICY. */
  int backfillKind() {
    return em.createNamedQuery("Policy.backfillKind")
        .setParameter("kind", Policy.Kind.POLICY)
        .executeUpdate();
  }

  Optional<Policy> findLiveByName(String orgId, Policy.Kind kind, String name) {
    return em.createNamedQuery("Policy.liveByName", Policy.class)
        .setParameter("orgId", orgId)
        .setParameter("kind", kind)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  List<Policy> listLive(String orgId, Policy.Kind kind) {
    return em.createNamedQuery("Policy.liveOfOrg", Policy.class)
        .setParameter("orgId", orgId)
        .setParameter("kind", kind)
        .getResultList();
  }

  /** Locks the row so that two concurrent applies cannot both add the same revision number. */
  Policy lock(Policy policy) {
    em.lock(policy, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(policy);
    return policy;
  }

  Optional<PolicyVersion> version(String policyId, int revision) {
    return em.createNamedQuery("PolicyVersion.byRevision", PolicyVersion.class)
        .setParameter("policyId", policyId)
        .setParameter("revision", revision)
        .getResultStream()
        .findFirst();
  }

  void save(Policy policy) {
    em.persist(policy);
  }

  void save(PolicyVersion version) {
    em.persist(version);
    em.flush();
  }
}
