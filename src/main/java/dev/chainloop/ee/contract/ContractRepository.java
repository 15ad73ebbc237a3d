package dev.chainloop.ee.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Collections;
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

  /**
   * Id, name and latest revision of the organization's contracts among {@code ids}, deleted ones
   * included. Native SQL: EclipseLink prepares a JPQL query with a collection parameter anew on
   * every execution, and the workflow listing asks this for every page.
   */
  List<ContractService.ContractRef> refs(String orgId, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Query q =
        em.createNativeQuery(
            "SELECT id, name, latest_revision FROM workflow_contracts WHERE organization_id = ?"
                + " AND id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ")");
    q.setParameter(1, orgId);
    int position = 2;
    for (String id : ids) {
      q.setParameter(position++, id);
    }
    List<?> rows = q.getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new ContractService.ContractRef(
                    (String) r[0], (String) r[1], ((Number) r[2]).intValue()))
        .toList();
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
