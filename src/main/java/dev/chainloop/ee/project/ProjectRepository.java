package dev.chainloop.ee.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Projects ({@link Project} rows) and their live-workflow counters. */
@ApplicationScoped
public class ProjectRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<Project> find(String id) {
    return Optional.ofNullable(em.find(Project.class, id));
  }

  Optional<Project> findByName(String orgId, String name) {
    return em.createNamedQuery("Project.byName", Project.class)
        .setParameter("orgId", orgId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /** The organization's projects by name. */
  List<Project> ofOrganization(String orgId) {
    return em.createNamedQuery("Project.ofOrg", Project.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  void save(Project project) {
    em.persist(project);
  }

  /** One statement, so concurrent creations and deletions never lose a count. */
  void countWorkflow(String projectId, long delta) {
    em.createNamedQuery("Project.countWorkflow")
        .setParameter("delta", delta)
        .setParameter("id", projectId)
        .executeUpdate();
  }

  /** The sum of the counters of the organization's projects. */
  long liveWorkflows(String orgId) {
    return em.createNamedQuery("Project.liveWorkflowsOfOrg", Number.class)
        .setParameter("org", orgId)
        .getSingleResult()
        .longValue();
  }

  /** The counter of one of the organization's projects (0 if it is not one). */
  long liveWorkflows(String orgId, String projectId) {
    return em.createNamedQuery("Project.liveWorkflowsOf", Number.class)
        .setParameter("org", orgId)
        .setParameter("id", projectId)
        .getSingleResult()
        .longValue();
  }
}
