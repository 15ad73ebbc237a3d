package dev.chainloop.ee.federation;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Trust rules ({@link TrustedIdentity} rows). */
@ApplicationScoped
public class TrustedIdentityRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  List<TrustedIdentity> ofOrganization(String organizationId) {
    return em.createNamedQuery("TrustedIdentity.ofOrganization", TrustedIdentity.class)
        .setParameter("orgId", organizationId)
        .getResultList();
  }

  long countOfOrganization(String organizationId) {
    return em.createNamedQuery("TrustedIdentity.countOfOrganization", Long.class)
        .setParameter("orgId", organizationId)
        .getSingleResult();
  }

  /** Every organization's rules for tokens of {@code issuer}, oldest first. */
  List<TrustedIdentity> ofIssuer(String issuer) {
    return em.createNamedQuery("TrustedIdentity.ofIssuer", TrustedIdentity.class)
        .setParameter("issuer", issuer)
        .getResultList();
  }

  Optional<TrustedIdentity> findInOrganization(String organizationId, String rawId) {
    return Ids.parse(rawId)
        .map(id -> em.find(TrustedIdentity.class, id))
        .filter(r -> r.getOrganizationId().equals(organizationId));
  }

  /**
   * The rule, locked until the transaction ends: an exchange and the rule's deletion serialize, so
   * that nothing is issued under a rule once its deletion has revoked what it issued.
   */
  Optional<TrustedIdentity> lock(String id) {
    return Optional.ofNullable(em.find(TrustedIdentity.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  void save(TrustedIdentity rule) {
    em.persist(rule);
    em.flush();
  }

  void delete(TrustedIdentity rule) {
    em.remove(rule);
    em.flush();
  }
}
