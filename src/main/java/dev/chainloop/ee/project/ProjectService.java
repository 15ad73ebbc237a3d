package dev.chainloop.ee.project;

import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Projects of the caller's organization. */
@Stateless
public class ProjectService {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  /** The caller's project by name, if it exists and the caller may see it. */
  public Optional<Project> find(String name) {
    return em.createNamedQuery("Project.byName", Project.class)
        .setParameter("orgId", caller.organizationId())
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .filter(p -> caller.canSeeProject(p.getId()));
  }

  public Project get(String name) {
    return find(name)
        .orElseThrow(() -> new UnknownResourceException("project \"" + name + "\" not found"));
  }

  public Optional<Project> findById(String id) {
    return Optional.ofNullable(em.find(Project.class, id))
        .filter(p -> p.getOrganizationId().equals(caller.organizationId()))
        .filter(p -> caller.canSeeProject(p.getId()));
  }

  /** The project by name, created if missing (needs {@code project:create}). */
  public Project findOrCreate(String name) {
    Names.requireDns1123("project", name);
    Optional<Project> existing = find(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (caller.projectScope().isPresent()) {
      throw new UnknownResourceException("project \"" + name + "\" not found");
    }
    if (!caller.has(Permission.PROJECT_CREATE)) {
      throw new ForbiddenOperationException(
          "project \"" + name + "\" does not exist and this credential may not create projects");
    }
    Project project = new Project(caller.organizationId(), name, clock.instant());
    em.persist(project);
    return project;
  }

  /** Counts a workflow created (+1) or deleted (-1) in {@code projectId}, atomically. */
  public void countWorkflow(String projectId, int delta) {
    em.createQuery(
            "UPDATE Project p SET p.liveWorkflows = COALESCE(p.liveWorkflows, 0) + :delta WHERE p.id = :id")
        .setParameter("delta", (long) delta)
        .setParameter("id", projectId)
        .executeUpdate();
  }

  /** Live workflows of the caller's organization, or of the given projects only. */
  public long liveWorkflows(List<String> projectIdsOrNull) {
    String jpql =
        "SELECT COALESCE(SUM(p.liveWorkflows), 0) FROM Project p WHERE p.organizationId = :org"
            + (projectIdsOrNull == null ? "" : " AND p.id IN :ids");
    if (projectIdsOrNull != null && projectIdsOrNull.isEmpty()) {
      return 0;
    }
    var query = em.createQuery(jpql, Number.class).setParameter("org", caller.organizationId());
    if (projectIdsOrNull != null) {
      query.setParameter("ids", projectIdsOrNull);
    }
    return query.getSingleResult().longValue();
  }

  public List<Project> list() {
    return em
        .createNamedQuery("Project.ofOrg", Project.class)
        .setParameter("orgId", caller.organizationId())
        .getResultList()
        .stream()
        .filter(p -> caller.canSeeProject(p.getId()))
        .toList();
  }
}
