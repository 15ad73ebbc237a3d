package dev.chainloop.ee.audit;

import java.util.Objects;

/**
 * What an audit event says, named part by part rather than as six strings in a row: {@code
 * AuditEntry.of("workflow.created").in(orgId).by(actor).on("workflow", id).detail("name=...")}.
 * Every part but the action is optional; an event outside any organization has none.
 */
public final class AuditEntry {
  private final String action;
  private String organizationId;
  private String actor;
  private String targetType;
  private String targetId;
  private String detail;

  private AuditEntry(String action) {
    this.action = Objects.requireNonNull(action, "action");
  }

  /** An event of {@code action}, such as {@code api_token.created}. */
  public static AuditEntry of(String action) {
    return new AuditEntry(action);
  }

  /** The organization it happened in. */
  public AuditEntry in(String organizationId) {
    this.organizationId = organizationId;
    return this;
  }

  /** Who did it: a user's email, {@code api-token:<id>}, {@code system}, ... */
  public AuditEntry by(String actor) {
    this.actor = actor;
    return this;
  }

  /** The object it happened to; {@code id} may be null when there is none. */
  public AuditEntry on(String type, String id) {
    this.targetType = type;
    this.targetId = id;
    return this;
  }

  /** Free text for humans; never a secret. */
  public AuditEntry detail(String detail) {
    this.detail = detail;
    return this;
  }

  String action() {
    return action;
  }

  String organizationId() {
    return organizationId;
  }

  String actor() {
    return actor;
  }

  String targetType() {
    return targetType;
  }

  String targetId() {
    return targetId;
  }

  String detail() {
    return detail;
  }
}
