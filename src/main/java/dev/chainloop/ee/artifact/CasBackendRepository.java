package dev.chainloop.ee.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The CAS backends organizations added ({@link CasBackend} rows). */
@ApplicationScoped
public class CasBackendRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<CasBackend> findByName(String orgId, String name) {
    return em.createNamedQuery("CasBackend.byName", CasBackend.class)
        .setParameter("orgId", orgId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  Optional<CasBackend> findById(String id) {
    return Optional.ofNullable(em.find(CasBackend.class, id));
  }

  List<CasBackend> list(String orgId) {
    return em.createNamedQuery("CasBackend.ofOrg", CasBackend.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  List<CasBackend> all() {
    return em.createNamedQuery("CasBackend.all", CasBackend.class).getResultList();
  }

  void save(CasBackend backend) {
    em.persist(backend);
    em.flush();
  }

  void delete(CasBackend backend) {
    em.remove(backend);
  }
}
