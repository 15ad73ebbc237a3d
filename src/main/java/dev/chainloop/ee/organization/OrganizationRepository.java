package dev.chainloop.ee.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Organizations ({@link Organization} rows). */
@ApplicationScoped
public class OrganizationRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<Organization> findLive(String id) {
    return Optional.ofNullable(em.find(Organization.class, id)).filter(Organization::isLive);
  }

  Optional<Organization> findLiveByName(String name) {
    return em.createNamedQuery("Organization.liveByName", Organization.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  List<Organization> withInactivityPolicy() {
    return em.createNamedQuery("Organization.withInactivityPolicy", Organization.class)
        .getResultList();
  }

  void save(Organization organization) {
    em.persist(organization);
  }
}
