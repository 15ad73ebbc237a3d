package dev.chainloop.ee.project;

import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Versions of the caller's projects: the one a run is attested against (created on first use as a
 * prerelease), its release when such a run is pushed, and listing, describing and renaming them.
 */
@Stateless
public class ProjectVersionService {
  @Inject ProjectVersionRepository repository;
  @Inject ProjectService projects;
  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  /**
   * What {@code attestation init} asks of its run's version (upstream's flags of the same names).
   *
   * @param name {@code --version}; null with {@code useLatest} false: the run has no version
   * @param markLatest {@code --mark-latest}: null lets a new version become the latest and leaves
   *     an existing one alone; true promotes an existing prerelease; false keeps a new one from it
   */
  public record VersionRequest(
      String name,
      boolean useLatest,
      boolean requireExisting,
      boolean release,
      Boolean markLatest) {
    /** Checks the combinations upstream refuses; each error names the field at fault. */
    public VersionRequest {
      name = name == null || name.isBlank() ? null : name.trim();
      if (useLatest && name != null) {
        throw new InvalidInputException(
            "latestVersion", "--latest-version and --version are mutually exclusive");
      }
      if (useLatest && markLatest != null) {
        throw new InvalidInputException(
            "markLatest", "--mark-latest and --latest-version are mutually exclusive");
      }
      if (release && name == null) {
        throw new InvalidInputException(
            "release", "project version is required when using --release");
      }
      if (requireExisting && name == null) {
        throw new InvalidInputException(
            "existingVersion", "project version is required when using --existing-version");
      }
    }

    public boolean none() {
      return name == null && !useLatest;
    }
  }

  /**
   * The version a new run of a workflow of {@code projectId} is attested against, in the caller's
   * transaction; empty when the request names none. With {@code blockReleased} (the organization's
   * setting), a released version is refused (409).
   */
  public Optional<ProjectVersion> forRun(
      String organizationId, String projectId, VersionRequest request, boolean blockReleased) {
    if (request.none()) {
      return Optional.empty();
    }
    ProjectVersion version;
    if (request.useLatest()) {
      version =
          repository
              .latestOf(projectId)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "latestVersion",
                          "no project version exists; create one before attesting with"
                              + " --latest-version"));
    } else {
      String name = ProjectVersion.requireName("version", request.name());
      Optional<ProjectVersion> existing = repository.findByName(projectId, name);
      if (existing.isEmpty()) {
        if (request.requireExisting()) {
          throw new InvalidInputException("version", "project version \"" + name + "\" not found");
        }
        repository.lockProject(projectId);
        // A concurrent init may have created it while this one waited for the lock.
        existing = repository.findByName(projectId, name);
        if (existing.isEmpty()) {
          boolean latest = request.markLatest() == null || request.markLatest();
          ProjectVersion created =
              ProjectVersion.prerelease(organizationId, projectId, name, latest, clock.instant());
          repository.save(created);
          if (latest) {
            repository.clearLatest(projectId, created.getId());
          }
          return Optional.of(created);
        }
      }
      version = existing.get();
    }
    boolean promote = Boolean.TRUE.equals(request.markLatest());
    if (blockReleased || promote) {
      if (promote) {
        repository.lockProject(projectId);
      }
      // Locked, so that a release pushed concurrently cannot slip past these checks.
      version = repository.lock(version);
      if (blockReleased && !version.isPrerelease()) {
        throw released(version);
      }
      if (promote) {
        version.promote();
        repository.clearLatest(projectId, version.getId());
      }
    }
    return Optional.of(version);
  }

  /**
   * A run attested against {@code versionId} is being pushed, in the caller's transaction: refused
   * (409) if the version was released meanwhile and the organization blocks released versions;
   * releases it if the run was initialized with {@code release}.
   */
  public void acceptPush(String versionId, boolean release, boolean blockReleased) {
    if (versionId == null || !(release || blockReleased)) {
      return;
    }
    Optional<ProjectVersion> found = repository.find(versionId);
    if (found.isEmpty()) {
      return;
    }
    ProjectVersion version = repository.lock(found.get());
    if (blockReleased && !version.isPrerelease()) {
      throw released(version);
    }
    if (release) {
      version.release(clock.instant());
    }
  }

  /** The version of a run, as runs show it; empty for none (or another organization's). */
  public Optional<ProjectVersionView> view(String versionId) {
    if (versionId == null) {
      return Optional.empty();
    }
    return repository
        .find(versionId)
        .filter(v -> v.getOrganizationId().equals(caller.organizationId()))
        .map(ProjectVersion::view);
  }

  /** The versions of the caller's project, newest first. */
  public List<ProjectVersion> list(String projectName, Integer limit) {
    caller.require(Permission.PROJECT_LIST);
    int n = PageRequest.limitOf(limit);
    return repository.ofProject(projects.get(projectName).getId()).stream().limit(n).toList();
  }

  /** The caller's project's version, or 404. */
  public ProjectVersion get(String projectName, String versionName) {
    caller.require(Permission.PROJECT_LIST);
    Project project = projects.get(projectName);
    return repository
        .findByName(project.getId(), versionName)
        .orElseThrow(
            () ->
                new UnknownResourceException(
                    "version \""
                        + versionName
                        + "\" not found in project \""
                        + projectName
                        + "\""));
  }

  /**
   * Renames a version (runs keep pointing at it), with {@code project_version:update}: members,
   * admins and API tokens (a release pipeline renames its version); 409 if the project already has
   * a version so named.
   */
  public ProjectVersion rename(String projectName, String versionName, String newName) {
    caller.require(Permission.PROJECT_VERSION_UPDATE);
    ProjectVersion version = get(projectName, versionName);
    String target = ProjectVersion.requireName("newName", newName == null ? null : newName.trim());
    if (target.equals(version.getName())) {
      return version;
    }
    repository.lockProject(version.getProjectId());
    if (repository.findByName(version.getProjectId(), target).isPresent()) {
      throw new ConflictException(
          "version \"" + target + "\" already exists in project \"" + projectName + "\"");
    }
    version.rename(target);
    return version;
  }

  private static ConflictException released(ProjectVersion version) {
    return new ConflictException(
        "version \""
            + version.getName()
            + "\" is released and immutable: attestations cannot be added (the organization"
            + " blocks attestations on released versions)");
  }
}
