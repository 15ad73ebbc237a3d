package dev.chainloop.ee.artifact;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.SecretBox;
import dev.chainloop.ee.platform.web.OutboundAddresses;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CAS backends of the caller's organization. Besides the OCI and S3 backends it adds, every
 * organization has two that are not rows: {@value #BUILTIN}, the deployment's own store (the
 * default while the organization has no default of its own, and where every artifact uploaded
 * before per-organization backends stays readable), and {@value #INLINE}, small materials in the
 * database (the fallback while no added backend is). Uploads go to the default backend, or to the
 * fallback while the default's last validation failed. Admins and owners manage backends ({@code
 * cas_backend:manage}); everyone else reads them.
 */
@Stateless
public class CasBackendService {
  static final String BUILTIN = "builtin";
  static final String INLINE = "inline";
  private static final Set<String> RESERVED = Set.of(BUILTIN, INLINE);
  private static final int MAX_DESCRIPTION = 255;

  @Inject CasBackendRepository repository;
  @Inject ArtifactRepository artifacts;
  @Inject CasStores stores;
  @Inject SecretBox secrets;
  @Inject Caller caller;
  @Inject AuditService audit;
  @Inject OutboundAddresses outbound;

  @Inject
  @ConfigProperty(name = "chainloop.cas.inline-max-bytes", defaultValue = "512000")
  long inlineMaxBytes;

  private final Clock clock = Clock.systemUTC();

  /** A backend as listed: an added one, or one of the two every organization has. */
  public record Backend(
      String id,
      String name,
      CasBackendKind kind,
      String location,
      String description,
      Long maxBytes,
      boolean isDefault,
      boolean fallback,
      ValidationStatus status,
      String validationError,
      Instant createdAt,
      Instant validatedAt) {
    static Backend of(CasBackend b) {
      return new Backend(
          b.getId(),
          b.getName(),
          b.getKind(),
          b.getLocation(),
          b.getDescription(),
          b.getMaxBytes(),
          b.isDefault(),
          b.isFallback(),
          b.getValidationStatus(),
          b.getValidationError(),
          b.getCreatedAt(),
          b.getValidatedAt());
    }
  }

  /** What {@link #add} needs; {@code credentials} holds upstream's keys for the kind. */
  public record NewBackend(
      String name,
      String provider,
      String location,
      String description,
      boolean isDefault,
      boolean fallback,
      Long maxBytes,
      Map<String, String> credentials) {}

  /** What {@link #update} changes; null keeps the current value. */
  public record Changes(
      String description,
      Boolean isDefault,
      Boolean fallback,
      Long maxBytes,
      Map<String, String> credentials) {}

  /** Where an upload goes: the backend's key for the artifact ref, its store and its limit. */
  public record Target(String backendId, String name, ArtifactStore store, Long maxBytes) {}

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Backend> list() {
    caller.require(Permission.CAS_BACKEND_READ);
    List<CasBackend> rows = repository.list(caller.organizationId());
    List<Backend> all = new ArrayList<>();
    if (rows.stream().noneMatch(CasBackend::isDefault)) {
      all.add(builtin());
    }
    rows.forEach(r -> all.add(Backend.of(r)));
    all.add(inline(rows.stream().noneMatch(CasBackend::isFallback)));
    return all;
  }

  public Backend add(NewBackend request) {
    caller.require(Permission.CAS_BACKEND_MANAGE);
    String name = Names.requireDns1123("name", request.name() == null ? "" : request.name().trim());
    if (RESERVED.contains(name)) {
      throw new InvalidInputException("name", "\"" + name + "\" is the name of a built-in backend");
    }
    CasBackendKind kind =
        CasBackendKind.parse(request.provider())
            .filter(k -> k == CasBackendKind.OCI || k == CasBackendKind.AWS_S3)
            .orElseThrow(() -> new InvalidInputException("provider", "must be OCI or AWS-S3"));
    String orgId = caller.organizationId();
    if (repository.findByName(orgId, name).isPresent()) {
      throw new ConflictException("a CAS backend named \"" + name + "\" already exists");
    }
    String location = location(kind, request.location());
    Credentials credentials = Credentials.required(kind, request.credentials());
    validate(kind, location, credentials);
    Instant now = clock.instant();
    CasBackend backend = new CasBackend(orgId, name, kind, location, credentials.region(), now);
    backend.credentials(
        secrets.seal(backend.secretContext(), credentials.id()),
        secrets.seal(backend.secretContext(), credentials.secret()),
        now);
    backend.describe(description(request.description()), now);
    backend.limit(maxBytes(request.maxBytes()), now);
    repository.save(backend);
    if (request.isDefault()) {
      makeDefault(backend, now);
    }
    if (request.fallback()) {
      makeFallback(backend, now);
    }
    record("cas_backend.added", backend, "kind=" + kind.wire() + " name=" + name);
    return Backend.of(backend);
  }

  public Backend update(String name, Changes changes) {
    caller.require(Permission.CAS_BACKEND_MANAGE);
    CasBackend backend = get(name);
    Instant now = clock.instant();
    if (changes.credentials() != null && !changes.credentials().isEmpty()) {
      Credentials given = Credentials.partial(backend.getKind(), changes.credentials());
      Credentials merged =
          new Credentials(
              given.id() != null
                  ? given.id()
                  : secrets.open(backend.secretContext(), backend.getCredentialId()),
              given.secret() != null
                  ? given.secret()
                  : secrets.open(backend.secretContext(), backend.getCredentialSecret()),
              given.region() != null ? given.region() : backend.getRegion());
      validate(backend.getKind(), backend.getLocation(), merged);
      backend.credentials(
          secrets.seal(backend.secretContext(), merged.id()),
          secrets.seal(backend.secretContext(), merged.secret()),
          now);
      backend.region(merged.region(), now);
      backend.validated(null, now);
    }
    if (changes.description() != null) {
      backend.describe(description(changes.description()), now);
    }
    if (changes.maxBytes() != null) {
      backend.limit(maxBytes(changes.maxBytes()), now);
    }
    if (changes.isDefault() != null) {
      if (changes.isDefault()) {
        makeDefault(backend, now);
      } else {
        backend.makeDefault(false, now);
      }
    }
    if (changes.fallback() != null) {
      if (changes.fallback()) {
        makeFallback(backend, now);
      } else {
        backend.makeFallback(false, now);
      }
    }
    record("cas_backend.updated", backend, "name=" + name);
    return Backend.of(backend);
  }

  /** Refused while the backend holds artifacts: they would no longer be readable. */
  public void delete(String name) {
    caller.require(Permission.CAS_BACKEND_MANAGE);
    CasBackend backend = get(name);
    long held = artifacts.countIn(backend.getId());
    if (held > 0) {
      throw new ConflictException(
          "CAS backend \"" + backend.getName() + "\" holds " + held + " artifact(s)");
    }
    repository.delete(backend);
    stores.forget(backend.getId());
    record("cas_backend.deleted", backend, "name=" + backend.getName());
  }

  /** The backend an upload of {@code orgId} goes to. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Target uploadTarget(String orgId) {
    List<CasBackend> rows = repository.list(orgId);
    Optional<CasBackend> chosen = rows.stream().filter(CasBackend::isDefault).findFirst();
    if (chosen.isPresent() && chosen.get().getValidationStatus() == ValidationStatus.INVALID) {
      Optional<CasBackend> fallback = rows.stream().filter(CasBackend::isFallback).findFirst();
      if (fallback.isEmpty()) {
        return new Target(INLINE, INLINE, stores.inline(), inlineMaxBytes);
      }
      chosen = fallback;
    }
    return chosen
        .map(b -> new Target(b.getId(), b.getName(), stores.of(b), b.getMaxBytes()))
        .orElseGet(() -> new Target(null, BUILTIN, stores.builtin(), null));
  }

  /** The store holding an artifact ref's bytes ({@link ArtifactRef#getBackendId()}). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ArtifactStore holding(String backendId) {
    if (backendId == null) {
      return stores.builtin();
    }
    if (backendId.equals(INLINE)) {
      return stores.inline();
    }
    return repository
        .findById(backendId)
        .map(stores::of)
        .orElseThrow(() -> new IllegalStateException("CAS backend " + backendId + " is gone"));
  }

  /** Every added backend, for the periodic validation (no caller). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> allIds() {
    return repository.all().stream().map(CasBackend::getId).toList();
  }

  /** Validates one backend now; returns its name and the error, null if it passed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<String> check(String id) {
    return repository
        .findById(id)
        .map(
            b -> {
              try {
                stores.of(b).validate();
                return "";
              } catch (IOException | RuntimeException e) {
                return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
              }
            });
  }

  /**
   * Records a validation's outcome ({@code error} empty: it passed); true if the status changed.
   */
  public boolean recordValidation(String id, String error, Instant now) {
    return repository
        .findById(id)
        .map(
            b -> {
              ValidationStatus before = b.getValidationStatus();
              b.validated(error.isEmpty() ? null : error, now);
              return before != b.getValidationStatus();
            })
        .orElse(false);
  }

  private void validate(CasBackendKind kind, String location, Credentials credentials) {
    ArtifactStore store =
        stores.open(kind, location, credentials.region(), credentials.id(), credentials.secret());
    try {
      store.validate();
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          "location", "the backend cannot be used with these credentials: " + e.getMessage());
    } finally {
      stores.close(store);
    }
  }

  private void makeDefault(CasBackend backend, Instant now) {
    for (CasBackend other : repository.list(backend.getOrganizationId())) {
      other.makeDefault(other.getId().equals(backend.getId()), now);
    }
  }

  private void makeFallback(CasBackend backend, Instant now) {
    for (CasBackend other : repository.list(backend.getOrganizationId())) {
      other.makeFallback(other.getId().equals(backend.getId()), now);
    }
  }

  private CasBackend get(String name) {
    String n = name == null ? "" : name.trim();
    if (RESERVED.contains(n)) {
      throw new InvalidInputException(
          "name", "\"" + n + "\" is a built-in backend: add one of your own to change the default");
    }
    return repository
        .findByName(caller.organizationId(), n)
        .orElseThrow(() -> new UnknownResourceException("CAS backend \"" + n + "\" not found"));
  }

  private Backend builtin() {
    return new Backend(
        BUILTIN,
        BUILTIN,
        CasBackendKind.BUILTIN,
        stores.builtinLocation(),
        "the deployment's own store",
        null,
        true,
        false,
        ValidationStatus.OK,
        null,
        null,
        null);
  }

  private Backend inline(boolean fallback) {
    return new Backend(
        INLINE,
        INLINE,
        CasBackendKind.INLINE,
        "database",
        "small materials in the control plane's database",
        inlineMaxBytes,
        false,
        fallback,
        ValidationStatus.OK,
        null,
        null,
        null);
  }

  /** {@code location} checked: its form, and that its host is not an internal address. */
  private String location(CasBackendKind kind, String location) {
    if (location == null || location.isBlank()) {
      throw new InvalidInputException("location", "is required");
    }
    Optional<URI> host;
    try {
      host =
          kind == CasBackendKind.OCI
              ? Optional.of(OciArtifactStore.parse(location).base())
              : Optional.ofNullable(CasStores.S3Location.parse(location).endpoint())
                  .map(URI::create);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("location", e.getMessage());
    }
    host.ifPresent(h -> outbound.check("location", h));
    return location.trim();
  }

  private static Long maxBytes(Long maxBytes) {
    if (maxBytes != null && maxBytes <= 0) {
      throw new InvalidInputException("maxBytes", "must be positive");
    }
    return maxBytes;
  }

  private static String description(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new InvalidInputException(
          "description", "must be at most " + MAX_DESCRIPTION + " characters");
    }
    return description.trim();
  }

  private void record(String action, CasBackend backend, String detail) {
    audit.record(
        AuditEntry.of(action)
            .in(caller.organizationId())
            .by(caller.actor())
            .on("cas_backend", backend.getId())
            .detail(detail));
  }

  /** Upstream's credential keys: OCI {@code username}/{@code password}; S3 with a region. */
  record Credentials(String id, String secret, String region) {
    static Credentials required(CasBackendKind kind, Map<String, String> given) {
      Credentials c = partial(kind, given);
      if (c.id() == null) {
        throw new InvalidInputException("credentials." + keys(kind)[0], "is required");
      }
      if (c.secret() == null) {
        throw new InvalidInputException("credentials." + keys(kind)[1], "is required");
      }
      return c;
    }

    static Credentials partial(CasBackendKind kind, Map<String, String> given) {
      Map<String, String> g = given == null ? Map.of() : given;
      String[] keys = keys(kind);
      for (String key : g.keySet()) {
        if (!Set.of(keys).contains(key)) {
          throw new InvalidInputException(
              "credentials." + key, "unknown, expected one of " + List.of(keys));
        }
      }
      return new Credentials(
          blankToNull(g.get(keys[0])),
          blankToNull(g.get(keys[1])),
          keys.length > 2 ? blankToNull(g.get(keys[2])) : null);
    }

    private static String[] keys(CasBackendKind kind) {
      return kind == CasBackendKind.OCI
          ? new String[] {"username", "password"}
          : new String[] {"accessKeyID", "secretAccessKey", "region"};
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
      return "Credentials[redacted]";
    }
  }
}
