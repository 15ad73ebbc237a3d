package dev.chainloop.ee.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Workflow contracts and their revisions ({@link WorkflowContract}, {@link ContractVersion}). */
@ApplicationScoped
public class ContractRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<WorkflowContract> findLive(String orgId, String id) {
    return Optional.ofNullable(em.find(WorkflowContract.class, id))
        .filter(c -> c.getOrganizationId().equals(orgId) && c.getDeletedAt() == null);
  }

  Optional<WorkflowContract> findLiveByName(String orgId, String name) {
    return em.createNamedQuery("WorkflowContract.liveByName", WorkflowContract.class)
        .setParameter("orgId", orgId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /** Locks the row so that two concurrent updates cannot both add the same revision number. */
  WorkflowContract lock(WorkflowContract contract) {
    em.lock(contract, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(contract);
    return contract;
  }

  List<WorkflowContract> listLive(String orgId) {
    return em.createNamedQuery("WorkflowContract.liveOfOrg", WorkflowContract.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  List<WorkflowContract> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("WorkflowContract.byIds", WorkflowContract.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  Optional<ContractVersion> version(String contractId, int revision) {
    return em.createNamedQuery("ContractVersion.byRevision", ContractVersion.class)
        .setParameter("contractId", contractId)
        .setParameter("revision", revision)
        .getResultStream()
        .findFirst();
  }

  void save(WorkflowContract contract) {
    em.persist(contract);
  }

  void save(ContractVersion version) {
    em.persist(version);
    em.flush();
  }
}
