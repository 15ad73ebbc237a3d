package dev.chainloop.ee.run;

import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.project.Project;
import dev.chainloop.ee.project.ProjectService;
import dev.chainloop.ee.workflow.Workflow;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Interim {@link WorkflowDirectory} on the workflow table, until the workflow services land. */
@Stateless
public class JpaWorkflowDirectory implements WorkflowDirectory {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  @Inject Caller caller;
  @Inject ProjectService projects;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Workflow resolve(String name, String projectOrNull) {
    return find(name, projectOrNull)
        .orElseThrow(() -> new UnknownResourceException("workflow \"" + name + "\" not found"));
  }

  private Optional<Workflow> find(String name, String projectOrNull) {
    String jpql =
        "SELECT w FROM Workflow w WHERE w.organizationId = :org AND w.name = :name"
            + " AND w.deletedAt IS NULL"
            + (projectOrNull == null ? "" : " AND w.projectName = :project");
    var query =
        em.createQuery(jpql, Workflow.class)
            .setParameter("org", caller.organizationId())
            .setParameter("name", name);
    if (projectOrNull != null) {
      query.setParameter("project", projectOrNull);
    }
    List<Workflow> found =
        query.getResultList().stream().filter(w -> caller.canSeeProject(w.getProjectId())).toList();
    if (found.size() > 1) {
      throw new InvalidInputException(
          "project", "workflow \"" + name + "\" exists in several projects: set the project");
    }
    return found.stream().findFirst();
  }

  @Override
  public Workflow findOrCreate(String name, String project, String contractNameOrNull) {
    Names.requireDns1123("workflow", name);
    Optional<Workflow> existing = find(name, project);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (project == null) {
      throw new UnknownResourceException(
          "workflow \"" + name + "\" not found: set the project to create it");
    }
    if (!caller.has(Permission.WORKFLOW_CREATE)) {
      throw new ForbiddenOperationException(
          "workflow \"" + name + "\" does not exist and this credential may not create workflows");
    }
    Project p = projects.findOrCreate(project);
    Workflow created =
        new Workflow(
            caller.organizationId(),
            p.getId(),
            p.getName(),
            name,
            null,
            null,
            null,
            clock.instant());
    em.persist(created);
    return created;
  }

  @Override
  public void recordRun(String workflowId, String runId) {
    findById(workflowId)
        .orElseThrow(() -> new UnknownResourceException("workflow not found"))
        .recordRun(runId, clock.instant());
  }

  @Override
  public Optional<Workflow> findById(String id) {
    return Optional.ofNullable(em.find(Workflow.class, id))
        .filter(w -> w.getOrganizationId().equals(caller.organizationId()));
  }

  @Override
  public ContractRevisionView contractRevision(String contractId, int revision) {
    return new ContractRevisionView(
        contractId, "", 1, 1, "", "yaml", List.of(), List.of(), null, List.of());
  }
}
