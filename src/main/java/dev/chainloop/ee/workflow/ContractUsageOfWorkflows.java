package dev.chainloop.ee.workflow;

import dev.chainloop.ee.contract.ContractUsage;
import dev.chainloop.ee.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Tells the contract feature which workflows use its contracts (for listings and deletes). */
@ApplicationScoped
public class ContractUsageOfWorkflows implements ContractUsage {
  @Inject WorkflowRepository repository;
  @Inject Caller caller;

  @Override
  public Map<String, Long> countByContract(Collection<String> contractIds) {
    return repository.usingContracts(caller.organizationId(), contractIds).stream()
        .collect(Collectors.groupingBy(Workflow::getContractId, Collectors.counting()));
  }

  @Override
  public List<String> workflowsUsing(String contractId) {
    return repository.usingContracts(caller.organizationId(), List.of(contractId)).stream()
        .map(w -> w.getProjectName() + "/" + w.getName())
        .toList();
  }
}
