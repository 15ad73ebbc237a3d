package dev.chainloop.ee.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Project versions ({@link ProjectVersion} rows). */
@ApplicationScoped
public class ProjectVersionRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<ProjectVersion> find(String id) {
    return Optional.ofNullable(em.find(ProjectVersion.class, id));
  }

  Optional<ProjectVersion> findByName(String projectId, String name) {
    return em.createNamedQuery("ProjectVersion.byName", ProjectVersion.class)
        .setParameter("project", projectId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  Optional<ProjectVersion> latestOf(String projectId) {
    return em.createNamedQuery("ProjectVersion.latestOf", ProjectVersion.class)
        .setParameter("project", projectId)
        .getResultStream()
        .findFirst();
  }

  /** The project's versions, newest first. */
  List<ProjectVersion> ofProject(String projectId) {
    return em.createNamedQuery("ProjectVersion.ofProject", ProjectVersion.class)
        .setParameter("project", projectId)
        .getResultList();
  }

  void save(ProjectVersion version) {
    em.persist(version);
  }

  /** Locks the row until the transaction ends, and reads it again. */
  ProjectVersion lock(ProjectVersion version) {
    em.lock(version, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(version);
    return version;
  }

  /**
   * Locks the project's row until the transaction ends: changes to which version exists or is the
   * latest are serialized per project, so two concurrent inits of a new version create it once and
   * a project never has two latest versions.
   */
  void lockProject(String projectId) {
    em.find(Project.class, projectId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Every other version of the project stops being its latest. */
  void clearLatest(String projectId, String keepId) {
    em.createNamedQuery("ProjectVersion.clearLatest")
        .setParameter("project", projectId)
        .setParameter("keep", keepId)
        .executeUpdate();
  }
}
