package dev.chainloop.ee.workflow;

import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.project.ProjectService;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what a request names (a workflow id, or a name and perhaps a project) into a live workflow
 * the caller may see, creating it at a first attestation init. Credentials confined to a project,
 * or to a workflow, see nothing else: other workflows are "not found".
 */
@Stateless
public class WorkflowResolver {
  /** Creation attempts of {@link #findOrCreate}; each lost race costs one. */
  private static final int CREATE_ATTEMPTS = 3;

  @Inject WorkflowRepository repository;
  @Inject Caller caller;
  @Inject ProjectService projects;
  @Inject WorkflowCreation creation;

  /** A live workflow of the caller's organization that the caller may see. */
  public Optional<Workflow> findById(String id) {
    return Ids.parse(id)
        .flatMap(i -> repository.findLive(caller.organizationId(), i))
        .filter(this::visible);
  }

  /** {@link #findById}, or 404. */
  public Workflow get(String id) {
    return findById(id).orElseThrow(() -> new UnknownResourceException("workflow not found"));
  }

  /**
   * The live workflow named {@code name}. With {@code projectOrNull} null, the name must be unique
   * among the projects the caller can see: 404 if no project has it, 400 (field {@code project}) if
   * several do.
   */
  public Workflow resolve(String name, String projectOrNull) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    List<Workflow> candidates =
        repository.liveByName(caller.organizationId(), name.trim()).stream()
            .filter(this::visible)
            .filter(
                w ->
                    projectOrNull == null
                        || projectOrNull.isBlank()
                        || w.getProjectName().equals(projectOrNull.trim()))
            .toList();
    if (candidates.isEmpty()) {
      throw notFound(name, projectOrNull);
    }
    if (candidates.size() > 1) {
      throw new InvalidInputException(
          "project",
          "workflow \""
              + name
              + "\" exists in several projects ("
              + candidates.stream().map(Workflow::getProjectName).collect(Collectors.joining(", "))
              + "): pass --project");
    }
    return candidates.get(0);
  }

  /**
   * The workflow {@code name} of {@code project}, created (with its project) if missing: implicit
   * creation at attestation init, which needs {@code workflow:create}. A workflow created here gets
   * the existing contract {@code contractName}, or a new one from {@code contractBody}, or (both
   * null) the default contract; an existing workflow keeps its own, as upstream's {@code
   * attestation init --contract}.
   */
  public Workflow findOrCreate(
      String name, String project, String contractName, String contractBody) {
    Names.requireDns1123("project", project);
    Optional<Workflow> existing = findLive(name, project);
    if (existing.isPresent()) {
      return existing.get();
    }
    caller.require(Permission.WORKFLOW_CREATE);
    // Many CI jobs may init the first run of a new workflow at once. Each tries to create it in its
    // own transaction; a loser either sees the winner's workflow and creates nothing, or hits a
    // unique key and rolls back that attempt only. Either way it reads the winner's workflow.
    for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
      try {
        creation.createIfMissing(name, project, contractName, contractBody);
      } catch (EJBException raced) {
        if (attempt == CREATE_ATTEMPTS) {
          throw raced;
        }
      }
      Optional<Workflow> created = findLive(name, project);
      if (created.isPresent()) {
        return created.get();
      }
    }
    throw new ConflictException(
        "workflow \"" + name + "\" was deleted while it was being created, try again");
  }

  private Optional<Workflow> findLive(String name, String project) {
    return projects
        .find(project)
        .flatMap(
            p ->
                repository.liveByName(caller.organizationId(), name).stream()
                    .filter(w -> w.getProjectId().equals(p.getId()))
                    .filter(this::visible)
                    .findFirst());
  }

  private boolean visible(Workflow w) {
    return caller.canSeeProject(w.getProjectId())
        && caller.workflowScope().map(s -> s.equals(w.getId())).orElse(true);
  }

  private static UnknownResourceException notFound(String name, String project) {
    return new UnknownResourceException(
        "workflow \""
            + name
            + "\""
            + (project == null || project.isBlank() ? "" : " in project \"" + project + "\"")
            + " not found");
  }
}
