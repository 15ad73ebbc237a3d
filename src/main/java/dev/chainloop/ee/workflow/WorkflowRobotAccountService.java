package dev.chainloop.ee.workflow;

import dev.chainloop.ee.apitoken.ApiToken;
import dev.chainloop.ee.apitoken.ApiTokenService.IssuedToken;
import dev.chainloop.ee.apitoken.RobotAccountService;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Legacy robot accounts, managed through their workflow: the workflow must be one the caller may
 * see; the credentials themselves are {@link RobotAccountService}'s.
 */
@Stateless
public class WorkflowRobotAccountService {
  @Inject WorkflowResolver resolver;
  @Inject RobotAccountService robotAccounts;
  @Inject Caller caller;

  public IssuedToken create(String workflowId, String name) {
    caller.require(Permission.WORKFLOW_UPDATE);
    Workflow workflow = resolver.get(workflowId);
    return robotAccounts.create(workflow.getId(), workflow.project(), name);
  }

  public List<ApiToken> list(String workflowId, boolean includeRevoked, Integer limit) {
    caller.require(Permission.WORKFLOW_READ);
    return robotAccounts.list(resolver.get(workflowId).getId(), includeRevoked, limit);
  }

  public void revoke(String id) {
    robotAccounts.revoke(id);
  }
}
