package dev.chainloop.ee.workflow;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.contract.ContractService;
import dev.chainloop.ee.contract.WorkflowContract;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.project.Project;
import dev.chainloop.ee.project.ProjectService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Creates workflows, with their project and contract when missing: explicitly through the API (a
 * taken name is a conflict) and implicitly at a first attestation init (a taken name means a
 * concurrent init won, which is fine).
 */
@Stateless
public class WorkflowCreation {
  @Inject WorkflowRepository repository;
  @Inject Caller caller;
  @Inject ProjectService projects;
  @Inject ContractService contracts;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** A new workflow in the caller's transaction; 409 if the project already has one so named. */
  public Workflow create(WorkflowService.CreateWorkflow request) {
    Project project = project(request.name(), request.project());
    if (taken(project, request.name())) {
      throw new ConflictException(
          "workflow \""
              + request.name()
              + "\" already exists in project \""
              + request.project()
              + "\"");
    }
    return insert(
        project,
        request.name(),
        request.description(),
        request.team(),
        request.contractName(),
        request.contractBody());
  }

  /**
   * The creation step of {@link WorkflowResolver#findOrCreate}, committed on its own. A workflow of
   * that name already in the project was created by a concurrent init since the caller looked: it
   * is the one to use, so nothing is created. A race lost later, on a unique key of the workflow,
   * its project or its default contract, rolls back only this transaction.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void createIfMissing(
      String name, String projectName, String contractName, String contractBody) {
    Project project = project(name, projectName);
    if (!taken(project, name)) {
      insert(project, name, null, null, contractName, contractBody);
    }
  }

  private Project project(String name, String projectName) {
    Names.requireDns1123("name", name);
    Names.requireDns1123("project", projectName);
    return projects.findOrCreate(projectName);
  }

  private boolean taken(Project project, String name) {
    return repository.liveKeyTaken(
        Workflow.liveKey(caller.organizationId(), project.getId(), name));
  }

  private Workflow insert(
      Project project,
      String name,
      String description,
      String team,
      String contractName,
      String contractBody) {
    WorkflowContract contract = contracts.forNewWorkflow(project, name, contractName, contractBody);
    Workflow workflow = new Workflow(project, name, contract.getId(), clock.instant());
    workflow.setDescription(blankToNull(description));
    workflow.setTeam(blankToNull(team));
    repository.save(workflow);
    projects.countWorkflow(workflow.getProjectId(), +1);
    audit.record(
        AuditEntry.of("workflow.created")
            .in(caller.organizationId())
            .by(caller.actor())
            .on("workflow", workflow.getId())
            .detail("name=" + name + " project=" + project.getName()));
    return workflow;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
