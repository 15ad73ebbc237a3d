package dev.chainloop.ee.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Creates a chain's head row on the chain's first event, in its own transaction, so that two first
 * events racing on two nodes both find one committed row to lock: the loser's insert fails on the
 * primary key and only this small transaction rolls back.
 */
@Stateless
public class AuditChainStarter {
  @Inject AuditEventRepository repository;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void start(String key) {
    if (repository.findHead(key).isEmpty()) {
      repository.saveHead(new AuditChainHead(key));
    }
  }
}
