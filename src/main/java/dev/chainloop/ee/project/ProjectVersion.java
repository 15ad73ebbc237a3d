package dev.chainloop.ee.project;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A version of a project (e.g. {@code v1.2.0}) that runs are attested against. It starts as a
 * prerelease and is released once, by a push of a run initialized with {@code --release}; at most
 * one version of a project is its latest.
 */
@Entity
@Table(
    name = "project_versions",
    indexes = @Index(name = "ix_versions_project_newest", columnList = "project_id, created_at"))
@NamedQuery(
    name = "ProjectVersion.byName",
    query = "SELECT v FROM ProjectVersion v WHERE v.projectId = :project AND v.name = :name")
@NamedQuery(
    name = "ProjectVersion.ofProject",
    query =
        "SELECT v FROM ProjectVersion v WHERE v.projectId = :project"
            + " ORDER BY v.createdAt DESC, v.id DESC")
@NamedQuery(
    name = "ProjectVersion.latestOf",
    query = "SELECT v FROM ProjectVersion v WHERE v.projectId = :project AND v.latest = TRUE")
@NamedQuery(
    name = "ProjectVersion.clearLatest",
    query =
        "UPDATE ProjectVersion v SET v.latest = FALSE"
            + " WHERE v.projectId = :project AND v.latest = TRUE AND v.id <> :keep")
public class ProjectVersion {
  /** Upstream's version names: letters, digits, '.', '-', '_' and '+' (build metadata). */
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9.\\-_+]+$");

  static final int MAX_NAME = 100;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "project_id", nullable = false, length = 36)
  private String projectId;

  @Column(name = "version_name", nullable = false, length = MAX_NAME)
  private String name;

  /** {@code <project id>/<name>}: unique, so a project never has two versions of one name. */
  @Column(name = "unique_key", nullable = false, unique = true, length = 140)
  private String uniqueKey;

  @Column(nullable = false)
  private boolean prerelease;

  @Column(nullable = false)
  private boolean latest;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  protected ProjectVersion() {}

  private ProjectVersion(
      String organizationId, String projectId, String name, boolean latest, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.projectId = projectId;
    this.prerelease = true;
    this.latest = latest;
    this.createdAt = now;
    setName(name);
  }

  /** A new prerelease of a project, latest or not. */
  static ProjectVersion prerelease(
      String organizationId, String projectId, String name, boolean latest, Instant now) {
    return new ProjectVersion(organizationId, projectId, requireName("version", name), latest, now);
  }

  /** {@code value} if it is a valid version name, else 400 naming {@code field}. */
  static String requireName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    if (value.length() > MAX_NAME || !NAME.matcher(value).matches()) {
      throw new InvalidInputException(
          field,
          "invalid version format: "
              + value
              + ". Valid examples: '1.0.0', 'v2.1-alpha', '3.0.0+build.123', '2024.3.12',"
              + " 'v1.0_beta'");
    }
    return value;
  }

  /** Releases a prerelease, once: the first release time is kept. */
  void release(Instant now) {
    prerelease = false;
    if (releasedAt == null) {
      releasedAt = now;
    }
  }

  /** Makes this the project's latest; only a prerelease may become it, as upstream. */
  void promote() {
    if (!prerelease) {
      throw new InvalidInputException("markLatest", "cannot promote a released version to latest");
    }
    latest = true;
  }

  void rename(String newName) {
    setName(requireName("newName", newName));
  }

  private void setName(String name) {
    this.name = name;
    this.uniqueKey = projectId + "/" + name;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getProjectId() {
    return projectId;
  }

  public String getName() {
    return name;
  }

  public boolean isPrerelease() {
    return prerelease;
  }

  public boolean isLatest() {
    return latest;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  /** What runs and listings show of this version. */
  public ProjectVersionView view() {
    return new ProjectVersionView(id, name, prerelease, createdAt, releasedAt, latest);
  }
}
