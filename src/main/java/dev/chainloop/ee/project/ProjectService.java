package dev.chainloop.ee.project;

import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects of the caller's organization. A CDI bean (writes in a transaction, reads in none): it is
 * on the workflow listing's path, where an EJB call cost more than the query it made.
 */
@ApplicationScoped
@Transactional
public class ProjectService {
  @Inject ProjectRepository repository;
  @Inject Caller caller;
  @Inject WorkflowCounts workflowCounts;

  private final Clock clock = Clock.systemUTC();

  /** A project with its number of live workflows. */
  public record ProjectItem(Project project, long workflowsCount) {}

  /** The caller's project by name, if it exists and the caller may see it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Project> find(String name) {
    return repository
        .findByName(caller.organizationId(), name)
        .filter(p -> caller.canSeeProject(p.getId()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Project get(String name) {
    return find(name)
        .orElseThrow(() -> new UnknownResourceException("project \"" + name + "\" not found"));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Project> findById(String id) {
    return repository
        .find(id)
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
    repository.save(project);
    return project;
  }

  /** Counts a workflow created (+1) or deleted (-1) in {@code projectId}, atomically. */
  public void countWorkflow(String projectId, int delta) {
    repository.countWorkflow(projectId, delta);
  }

  /** Live workflows of the caller's organization, or of one of its projects only. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long liveWorkflows(String projectIdOrNull) {
    return projectIdOrNull == null
        ? repository.liveWorkflows(caller.organizationId())
        : repository.liveWorkflows(caller.organizationId(), projectIdOrNull);
  }

  /** The projects the caller may see, by name, each with its number of live workflows. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ProjectItem> list(Integer limit) {
    caller.require(Permission.PROJECT_LIST);
    int n = PageRequest.limitOf(limit);
    Map<String, Long> counts = workflowCounts.liveByProject(caller.organizationId());
    return repository.ofOrganization(caller.organizationId()).stream()
        .filter(p -> caller.canSeeProject(p.getId()))
        .limit(n)
        .map(p -> new ProjectItem(p, counts.getOrDefault(p.getId(), 0L)))
        .toList();
  }
}
