package dev.chainloop.ee.integration;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.SecretBox;
import dev.chainloop.ee.platform.web.OutboundAddresses;
import dev.chainloop.ee.workflow.Workflow;
import dev.chainloop.ee.workflow.WorkflowResolver;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Integrations of the caller's organization: registering a kind with its configuration (secrets
 * sealed at rest), attaching registrations to workflows, and the delivery log. Organization admins
 * and owners manage them ({@code integration:manage}); members and viewers read them.
 */
@Stateless
public class IntegrationService {
  private static final int MAX_DESCRIPTION = 255;

  @Inject IntegrationRepository repository;
  @Inject DeliveryRepository deliveries;
  @Inject Caller caller;
  @Inject SecretBox secrets;
  @Inject WorkflowResolver workflows;
  @Inject AuditService audit;
  @Inject OutboundAddresses outbound;

  private final Clock clock = Clock.systemUTC();

  /** A registration with its clear options; the secret ones are only named. */
  public record Registered(
      RegisteredIntegration integration, Map<String, String> config, List<String> secretOptions) {}

  /** An attachment with the registration it uses. */
  public record Attached(
      AttachedIntegration attachment,
      RegisteredIntegration integration,
      Map<String, String> config) {}

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<IntegrationKind> available(Integer limit) {
    return Arrays.stream(IntegrationKind.values()).limit(PageRequest.limitOf(limit)).toList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public IntegrationKind availableKind(String name) {
    return IntegrationKind.get(name);
  }

  public Registered register(
      String kindName, String name, String description, Map<String, String> options) {
    caller.require(Permission.INTEGRATION_MANAGE);
    if (kindName == null || kindName.isBlank()) {
      throw new InvalidInputException("kind", "is required");
    }
    IntegrationKind kind =
        IntegrationKind.parse(kindName.trim())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "kind",
                        "unknown integration \""
                            + kindName.trim()
                            + "\", expected one of "
                            + Arrays.stream(IntegrationKind.values())
                                .map(IntegrationKind::wire)
                                .toList()));
    String n = Names.requireDns1123("name", name == null ? "" : name.trim());
    String orgId = caller.organizationId();
    if (repository.findByName(orgId, n).isPresent()) {
      throw new ConflictException("an integration named \"" + n + "\" is already registered");
    }
    Map<String, String> all = IntegrationKind.merge(kind.registration(), Map.of(), options);
    Instant now = clock.instant();
    RegisteredIntegration integration =
        new RegisteredIntegration(orgId, n, kind, description(description), now);
    configure(integration, kind, all, now);
    repository.save(integration);
    record("integration.registered", integration, "kind=" + kind.wire() + " name=" + n);
    return view(integration);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Registered> registered(Integer limit) {
    caller.require(Permission.INTEGRATION_READ);
    int n = PageRequest.limitOf(limit);
    return repository.list(caller.organizationId()).stream().limit(n).map(this::view).toList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Registered describe(String name) {
    caller.require(Permission.INTEGRATION_READ);
    return view(get(name));
  }

  /**
   * New options replace the stored ones of the same key (a secret given again is sealed again);
   * {@code description} null keeps the current one.
   */
  public Registered update(String name, String description, Map<String, String> options) {
    caller.require(Permission.INTEGRATION_MANAGE);
    RegisteredIntegration integration = get(name);
    IntegrationKind kind = integration.getKind();
    Instant now = clock.instant();
    if (options != null && !options.isEmpty()) {
      Map<String, String> current =
          new LinkedHashMap<>(OptionMaps.fromJson(integration.getConfig()));
      current.putAll(
          OptionMaps.fromJson(secrets.open(integration.secretContext(), integration.getSecrets())));
      configure(
          integration, kind, IntegrationKind.merge(kind.registration(), current, options), now);
    }
    if (description != null) {
      integration.describe(description(description), now);
    }
    record(
        "integration.updated",
        integration,
        "name="
            + integration.getName()
            + " options="
            + (options == null ? List.of() : options.keySet()));
    return view(integration);
  }

  /** Deletes the registration and its attachments; deliveries still queued for it then fail. */
  public void delete(String name) {
    caller.require(Permission.INTEGRATION_MANAGE);
    RegisteredIntegration integration = get(name);
    repository.delete(integration);
    record("integration.deleted", integration, "name=" + integration.getName());
  }

  public Attached attach(
      String integrationName, String workflowName, String project, Map<String, String> options) {
    caller.require(Permission.INTEGRATION_MANAGE);
    if (integrationName == null || integrationName.isBlank()) {
      throw new InvalidInputException("integration", "is required");
    }
    if (workflowName == null || workflowName.isBlank()) {
      throw new InvalidInputException("workflow", "is required");
    }
    if (project == null || project.isBlank()) {
      throw new InvalidInputException("project", "is required");
    }
    RegisteredIntegration integration =
        repository
            .findByName(caller.organizationId(), integrationName.trim())
            .orElseThrow(
                () ->
                    new UnknownResourceException(
                        "integration \"" + integrationName.trim() + "\" not registered"));
    Workflow workflow = workflows.resolve(workflowName.trim(), project.trim());
    Map<String, String> config =
        IntegrationKind.merge(integration.getKind().attachment(), Map.of(), options);
    boolean taken =
        repository.attachmentsOfWorkflow(caller.organizationId(), workflow.getId()).stream()
            .anyMatch(a -> a.getIntegrationId().equals(integration.getId()));
    if (taken) {
      throw new ConflictException(
          "integration \""
              + integration.getName()
              + "\" is already attached to workflow \""
              + workflow.getName()
              + "\"");
    }
    AttachedIntegration attachment =
        new AttachedIntegration(
            integration,
            workflow.getId(),
            workflow.getName(),
            workflow.getProjectName(),
            OptionMaps.toJson(config),
            clock.instant());
    repository.save(attachment);
    audit.record(
        AuditEntry.of("integration.attached")
            .in(caller.organizationId())
            .by(caller.actor())
            .on("integration_attachment", attachment.getId())
            .detail(
                "integration="
                    + integration.getName()
                    + " workflow="
                    + workflow.getProjectName()
                    + "/"
                    + workflow.getName()));
    return new Attached(attachment, integration, config);
  }

  public void detach(String attachmentId) {
    caller.require(Permission.INTEGRATION_MANAGE);
    AttachedIntegration attachment =
        Ids.parse(attachmentId)
            .flatMap(id -> repository.findAttachment(caller.organizationId(), id))
            .orElseThrow(() -> new UnknownResourceException("attachment not found"));
    repository.delete(attachment);
    audit.record(
        AuditEntry.of("integration.detached")
            .in(caller.organizationId())
            .by(caller.actor())
            .on("integration_attachment", attachment.getId())
            .detail(
                "workflow=" + attachment.getProjectName() + "/" + attachment.getWorkflowName()));
  }

  /** Attachments of the organization, or of one workflow when {@code workflowName} is given. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Attached> attached(String workflowName, String project, Integer limit) {
    caller.require(Permission.INTEGRATION_READ);
    int n = PageRequest.limitOf(limit);
    String orgId = caller.organizationId();
    List<AttachedIntegration> attachments =
        workflowName == null || workflowName.isBlank()
            ? repository.attachments(orgId).stream()
                .filter(
                    a ->
                        project == null
                            || project.isBlank()
                            || a.getProjectName().equals(project.trim()))
                .toList()
            : repository.attachmentsOfWorkflow(
                orgId, workflows.resolve(workflowName.trim(), project).getId());
    return attachments.stream()
        .limit(n)
        .flatMap(
            a ->
                repository.findById(a.getIntegrationId()).stream()
                    .map(i -> new Attached(a, i, OptionMaps.fromJson(a.getConfig()))))
        .toList();
  }

  /** The newest deliveries of the organization, of one status when given. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<IntegrationDelivery> deliveries(String status, Integer limit) {
    caller.require(Permission.INTEGRATION_READ);
    DeliveryStatus s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("status", "must be pending, delivered or failed");
      }
    }
    int n = limit == null ? 50 : limit;
    if (n < 1 || n > 100) {
      throw new InvalidInputException("limit", "must be between 1 and 100");
    }
    return deliveries.list(caller.organizationId(), s, n);
  }

  private RegisteredIntegration get(String name) {
    String n = name == null ? "" : name.trim();
    return repository
        .findByName(caller.organizationId(), n)
        .orElseThrow(
            () -> new UnknownResourceException("integration \"" + n + "\" not registered"));
  }

  private void configure(
      RegisteredIntegration integration,
      IntegrationKind kind,
      Map<String, String> all,
      Instant now) {
    for (IntegrationOption option : kind.registration()) {
      String value = all.get(option.name());
      if (option.type() == IntegrationOption.Type.URL && value != null) {
        outbound.check("options." + option.name(), URI.create(value));
      }
    }
    integration.configure(
        OptionMaps.toJson(OptionMaps.part(kind.registration(), all, false)),
        secrets.seal(
            integration.secretContext(),
            OptionMaps.toJson(OptionMaps.part(kind.registration(), all, true))),
        now);
  }

  private Registered view(RegisteredIntegration integration) {
    return new Registered(
        integration,
        OptionMaps.fromJson(integration.getConfig()),
        integration.getKind().registration().stream()
            .filter(IntegrationOption::secret)
            .map(IntegrationOption::name)
            .toList());
  }

  private static String description(String description) {
    String d = description == null ? "" : description.trim();
    if (d.length() > MAX_DESCRIPTION) {
      throw new InvalidInputException(
          "description", "must be at most " + MAX_DESCRIPTION + " characters");
    }
    return d;
  }

  private void record(String action, RegisteredIntegration integration, String detail) {
    audit.record(
        AuditEntry.of(action)
            .in(caller.organizationId())
            .by(caller.actor())
            .on("integration", integration.getId())
            .detail(detail));
  }
}
