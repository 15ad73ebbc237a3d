package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.persistence.KeysetCursor;
import dev.chainloop.ee.platform.security.TokenKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens and robot accounts ({@link ApiToken} rows). */
@ApplicationScoped
public class ApiTokenRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  /**
   * What a listing selects, besides organization and kind: {@code status} empty = any; {@code
   * projectIds} null = no project filter; {@code level} empty = any scope; {@code workflowId}
   * non-null lists that workflow's robot accounts.
   */
  record Filter(
      String organizationId,
      TokenKind kind,
      Optional<TokenStatus> status,
      List<String> projectIds,
      Optional<TokenScope.Level> level,
      String workflowId,
      KeysetCursor after) {}

  /** A token with its organization's name, and whether that organization still exists. */
  record WithOrganization(ApiToken token, String organizationName, boolean organizationLive) {}

  /** The token {@code id} and its organization, in one query. */
  Optional<WithOrganization> findWithOrganization(String id) {
    return em.createNamedQuery("ApiToken.withOrganization", Object[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(row -> new WithOrganization((ApiToken) row[0], (String) row[1], row[2] == null));
  }

  Optional<ApiToken> find(String id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  /** The token {@code rawId} of this kind in this organization, if the id is one. */
  Optional<ApiToken> findInOrganization(String organizationId, String rawId, TokenKind kind) {
    return Ids.parse(rawId)
        .flatMap(this::find)
        .filter(t -> t.getOrganizationId().equals(organizationId) && t.getKind() == kind);
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

  /** Revokes every active token exchanged under trust rule {@code ruleId}; how many it revoked. */
  int revokeExchanged(String ruleId, Instant now) {
    return em.createNamedQuery("ApiToken.revokeExchanged")
        .setParameter("now", now)
        .setParameter("ruleId", ruleId)
        .executeUpdate();
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
   * Tokens matching {@code filter}, oldest first. Built per call rather than named: each filter
   * left out must drop its condition, so that the query keeps using the listing index.
   */
  List<ApiToken> list(Filter filter, Instant now, int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT t FROM ApiToken t WHERE t.organizationId = :orgId AND t.kind = :kind");
    filter
        .status()
        .ifPresent(
            status ->
                jpql.append(
                    switch (status) {
                      case ACTIVE ->
                          " AND t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > :now)";
                      case EXPIRED -> " AND t.revokedAt IS NULL AND t.expiresAt <= :now";
                      case REVOKED -> " AND t.revokedAt IS NOT NULL";
                    }));
    if (filter.projectIds() != null) {
      jpql.append(filter.projectIds().isEmpty() ? " AND 1 = 0" : " AND t.projectId IN :projects");
    }
    filter
        .level()
        .ifPresent(
            level ->
                jpql.append(
                    level == TokenScope.Level.GLOBAL
                        ? " AND t.projectId IS NULL"
                        : " AND t.projectId IS NOT NULL"));
    if (filter.workflowId() != null) {
      jpql.append(" AND t.workflowId = :workflowId");
    }
    if (filter.after() != null) {
      jpql.append(" AND (t.createdAt > :cAt OR (t.createdAt = :cAt AND t.id > :cId))");
    }
    jpql.append(" ORDER BY t.createdAt, t.id");
    TypedQuery<ApiToken> q =
        em.createQuery(jpql.toString(), ApiToken.class)
            .setParameter("orgId", filter.organizationId())
            .setParameter("kind", filter.kind())
            .setMaxResults(limit);
    if (filter.status().filter(s -> s != TokenStatus.REVOKED).isPresent()) {
      q.setParameter("now", now);
    }
    if (filter.projectIds() != null && !filter.projectIds().isEmpty()) {
      q.setParameter("projects", filter.projectIds());
    }
    if (filter.workflowId() != null) {
      q.setParameter("workflowId", filter.workflowId());
    }
    if (filter.after() != null) {
      q.setParameter("cAt", filter.after().createdAt()).setParameter("cId", filter.after().id());
    }
    return q.getResultList();
  }
}
