package dev.chainloop.ee.contract;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which live workflows of the caller's organization use contracts. Owned here and implemented by
 * the workflow feature, which depends on contracts: contracts never call into workflows.
 */
public interface ContractUsage {
  /** Live workflows per contract id; contracts no workflow uses are left out. */
  Map<String, Long> countByContract(Collection<String> contractIds);

  /** Live workflows using the contract, as {@code project/name}. */
  List<String> workflowsUsing(String contractId);
}
