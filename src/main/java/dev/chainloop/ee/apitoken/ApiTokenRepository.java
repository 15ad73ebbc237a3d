package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.platform.security.TokenKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository {
  /** The most tokens one listing returns. */
  static final int MAX_LIST = 1000;

  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<ApiToken> find(String id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  boolean activeKeyTaken(String uniqueKey) {
    return em.createNamedQuery("ApiToken.byUniqueKey", ApiToken.class)
        .setParameter("key", uniqueKey)
        .getResultStream()
        .findAny()
        .isPresent();
  }

  void save(ApiToken token) {
    em.persist(token);
    em.flush();
  }

  /** Revokes if still active; true if this call did it (exactly once across nodes). */
  boolean revoke(String id, Instant now) {
    return em.createNamedQuery("ApiToken.revoke")
            .setParameter("now", now)
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  /** Records use at most once per coalescing window, whatever the number of nodes. */
  void touch(String id, Instant now, Instant threshold) {
    em.createNamedQuery("ApiToken.touch")
        .setParameter("now", now)
        .setParameter("id", id)
        .setParameter("threshold", threshold)
        .executeUpdate();
  }

  List<String> inactiveSince(String orgId, Instant threshold) {
    return em.createNamedQuery("ApiToken.inactiveSince", String.class)
        .setParameter("orgId", orgId)
        .setParameter("threshold", threshold)
        .getResultList();
  }

  /**
   * Tokens of an org, oldest first. {@code status}: active (not revoked, not expired), expired,
   * revoked or all; {@code projectIds} null = no project filter; {@code scope}: project, global or
   * null; {@code workflowId} non-null lists that workflow's robot accounts.
   */
  List<ApiToken> list(
      String orgId,
      TokenKind kind,
      String status,
      List<String> projectIds,
      String scope,
      String workflowId,
      Instant now,
      int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT t FROM ApiToken t WHERE t.organizationId = :orgId AND t.kind = :kind");
    switch (status) {
      case "active" ->
          jpql.append(" AND t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > :now)");
      case "expired" -> jpql.append(" AND t.revokedAt IS NULL AND t.expiresAt <= :now");
      case "revoked" -> jpql.append(" AND t.revokedAt IS NOT NULL");
      default -> {}
    }
    if (projectIds != null) {
      jpql.append(projectIds.isEmpty() ? " AND 1 = 0" : " AND t.projectId IN :projects");
    }
    if ("project".equals(scope)) {
      jpql.append(" AND t.projectId IS NOT NULL");
    } else if ("global".equals(scope)) {
      jpql.append(" AND t.projectId IS NULL");
    }
    if (workflowId != null) {
      jpql.append(" AND t.workflowId = :workflowId");
    }
    jpql.append(" ORDER BY t.createdAt, t.id");
    TypedQuery<ApiToken> q =
        em.createQuery(jpql.toString(), ApiToken.class)
            .setParameter("orgId", orgId)
            .setParameter("kind", kind)
            .setMaxResults(limit);
    if (status.equals("active") || status.equals("expired")) {
      q.setParameter("now", now);
    }
    if (projectIds != null && !projectIds.isEmpty()) {
      q.setParameter("projects", projectIds);
    }
    if (workflowId != null) {
      q.setParameter("workflowId", workflowId);
    }
    return q.getResultList();
  }
}
