package dev.chainloop.ee.cli.commands;

import dev.chainloop.ee.cli.commands.apitoken.ApiTokenCreateCommand;
import dev.chainloop.ee.cli.commands.apitoken.ApiTokenListCommand;
import dev.chainloop.ee.cli.commands.apitoken.ApiTokenRevokeCommand;
import dev.chainloop.ee.cli.commands.artifact.ArtifactDownloadCommand;
import dev.chainloop.ee.cli.commands.artifact.ArtifactUploadCommand;
import dev.chainloop.ee.cli.commands.attestation.AttestationAddCommand;
import dev.chainloop.ee.cli.commands.attestation.AttestationInitCommand;
import dev.chainloop.ee.cli.commands.attestation.AttestationPushCommand;
import dev.chainloop.ee.cli.commands.attestation.AttestationResetCommand;
import dev.chainloop.ee.cli.commands.attestation.AttestationStatusCommand;
import dev.chainloop.ee.cli.commands.attestation.AttestationVerifyCommand;
import dev.chainloop.ee.cli.commands.audit.AuditListCommand;
import dev.chainloop.ee.cli.commands.audit.AuditVerifyCommand;
import dev.chainloop.ee.cli.commands.auth.AuthLoginCommand;
import dev.chainloop.ee.cli.commands.auth.AuthLogoutCommand;
import dev.chainloop.ee.cli.commands.auth.AuthSignupCommand;
import dev.chainloop.ee.cli.commands.casbackend.CasBackendAddOciCommand;
import dev.chainloop.ee.cli.commands.casbackend.CasBackendAddS3Command;
import dev.chainloop.ee.cli.commands.casbackend.CasBackendDeleteCommand;
import dev.chainloop.ee.cli.commands.casbackend.CasBackendListCommand;
import dev.chainloop.ee.cli.commands.casbackend.CasBackendUpdateOciCommand;
import dev.chainloop.ee.cli.commands.casbackend.CasBackendUpdateS3Command;
import dev.chainloop.ee.cli.commands.config.ConfigResetCommand;
import dev.chainloop.ee.cli.commands.config.ConfigSaveCommand;
import dev.chainloop.ee.cli.commands.config.ConfigViewCommand;
import dev.chainloop.ee.cli.commands.contract.ApplyCommand;
import dev.chainloop.ee.cli.commands.contract.ContractApplyCommand;
import dev.chainloop.ee.cli.commands.contract.ContractCreateCommand;
import dev.chainloop.ee.cli.commands.contract.ContractDeleteCommand;
import dev.chainloop.ee.cli.commands.contract.ContractDescribeCommand;
import dev.chainloop.ee.cli.commands.contract.ContractListCommand;
import dev.chainloop.ee.cli.commands.contract.ContractUpdateCommand;
import dev.chainloop.ee.cli.commands.discover.DiscoverCommand;
import dev.chainloop.ee.cli.commands.integration.AttachedIntegrationAddCommand;
import dev.chainloop.ee.cli.commands.integration.AttachedIntegrationDeleteCommand;
import dev.chainloop.ee.cli.commands.integration.AttachedIntegrationListCommand;
import dev.chainloop.ee.cli.commands.integration.AvailableIntegrationDescribeCommand;
import dev.chainloop.ee.cli.commands.integration.AvailableIntegrationListCommand;
import dev.chainloop.ee.cli.commands.integration.IntegrationDeliveryListCommand;
import dev.chainloop.ee.cli.commands.integration.RegisteredIntegrationAddCommand;
import dev.chainloop.ee.cli.commands.integration.RegisteredIntegrationDeleteCommand;
import dev.chainloop.ee.cli.commands.integration.RegisteredIntegrationDescribeCommand;
import dev.chainloop.ee.cli.commands.integration.RegisteredIntegrationListCommand;
import dev.chainloop.ee.cli.commands.integration.RegisteredIntegrationUpdateCommand;
import dev.chainloop.ee.cli.commands.member.InvitationCreateCommand;
import dev.chainloop.ee.cli.commands.member.InvitationListCommand;
import dev.chainloop.ee.cli.commands.member.InvitationRevokeCommand;
import dev.chainloop.ee.cli.commands.member.MemberDeleteCommand;
import dev.chainloop.ee.cli.commands.member.MemberListCommand;
import dev.chainloop.ee.cli.commands.member.MemberUpdateCommand;
import dev.chainloop.ee.cli.commands.organization.OrgCreateCommand;
import dev.chainloop.ee.cli.commands.organization.OrgDeleteCommand;
import dev.chainloop.ee.cli.commands.organization.OrgDescribeCommand;
import dev.chainloop.ee.cli.commands.organization.OrgLeaveCommand;
import dev.chainloop.ee.cli.commands.organization.OrgListCommand;
import dev.chainloop.ee.cli.commands.organization.OrgSetCommand;
import dev.chainloop.ee.cli.commands.organization.OrgUpdateCommand;
import dev.chainloop.ee.cli.commands.policy.PolicyDeleteCommand;
import dev.chainloop.ee.cli.commands.policy.PolicyDescribeCommand;
import dev.chainloop.ee.cli.commands.policy.PolicyDevelopEvalCommand;
import dev.chainloop.ee.cli.commands.policy.PolicyDevelopLintCommand;
import dev.chainloop.ee.cli.commands.policy.PolicyKind;
import dev.chainloop.ee.cli.commands.policy.PolicyListCommand;
import dev.chainloop.ee.cli.commands.project.ProjectListCommand;
import dev.chainloop.ee.cli.commands.project.ProjectVersionDescribeCommand;
import dev.chainloop.ee.cli.commands.project.ProjectVersionListCommand;
import dev.chainloop.ee.cli.commands.project.ProjectVersionUpdateCommand;
import dev.chainloop.ee.cli.commands.run.RunDescribeCommand;
import dev.chainloop.ee.cli.commands.run.RunListCommand;
import dev.chainloop.ee.cli.commands.runnercontext.GatherRunnerContextCommand;
import dev.chainloop.ee.cli.commands.trustedidentity.TrustedIdentityCreateCommand;
import dev.chainloop.ee.cli.commands.trustedidentity.TrustedIdentityDeleteCommand;
import dev.chainloop.ee.cli.commands.trustedidentity.TrustedIdentityListCommand;
import dev.chainloop.ee.cli.commands.version.VersionCommand;
import dev.chainloop.ee.cli.commands.workflow.RobotAccountCreateCommand;
import dev.chainloop.ee.cli.commands.workflow.RobotAccountListCommand;
import dev.chainloop.ee.cli.commands.workflow.RobotAccountRevokeCommand;
import dev.chainloop.ee.cli.commands.workflow.WorkflowCreateCommand;
import dev.chainloop.ee.cli.commands.workflow.WorkflowDeleteCommand;
import dev.chainloop.ee.cli.commands.workflow.WorkflowDescribeCommand;
import dev.chainloop.ee.cli.commands.workflow.WorkflowListCommand;
import dev.chainloop.ee.cli.commands.workflow.WorkflowUpdateCommand;
import dev.chainloop.ee.cli.framework.CommandGroup;

/**
 * The one registry of the command tree. Add a verb by writing a {@code LeafCommand} and adding it
 * to its group here; a new group is a {@link CommandGroup#of} added to the root. Built per run: the
 * tree is cheap and a fresh one keeps {@code Main.run} free of shared state.
 */
public final class Commands {
  private Commands() {}

  public static CommandGroup root() {
    CommandGroup apiToken =
        CommandGroup.of("api-token", "API token management", "token")
            .withLongDescription("Manage API tokens to authenticate with the Chainloop API.")
            .add(new ApiTokenCreateCommand())
            .add(new ApiTokenListCommand())
            .add(new ApiTokenRevokeCommand());

    CommandGroup invitation =
        CommandGroup.of("invitation", "User invitations management", "invite")
            .add(new InvitationCreateCommand())
            .add(new InvitationListCommand())
            .add(new InvitationRevokeCommand());

    CommandGroup member =
        CommandGroup.of("member", "Organization members management")
            .add(new MemberListCommand())
            .add(new MemberUpdateCommand())
            .add(new MemberDeleteCommand())
            .add(invitation);

    CommandGroup trustedIdentity =
        CommandGroup.of("trusted-identity", "CI identities trusted instead of API tokens")
            .withLongDescription(
                "Trust the OIDC ID tokens of CI jobs (GitHub Actions, GitLab CI): a matching job"
                    + " exchanges its token for a short-lived API credential, so no API token is"
                    + " stored in CI.")
            .add(new TrustedIdentityCreateCommand())
            .add(new TrustedIdentityListCommand())
            .add(new TrustedIdentityDeleteCommand());

    CommandGroup audit =
        CommandGroup.of("audit", "Organization audit log")
            .add(new AuditListCommand())
            .add(new AuditVerifyCommand());

    CommandGroup organization =
        CommandGroup.of("organization", "Organizations management", "org")
            .add(new OrgCreateCommand())
            .add(new OrgListCommand())
            .add(new OrgSetCommand())
            .add(new OrgDescribeCommand())
            .add(new OrgUpdateCommand())
            .add(new OrgLeaveCommand())
            .add(new OrgDeleteCommand())
            .add(member)
            .add(apiToken)
            .add(trustedIdentity)
            .add(audit);

    CommandGroup auth =
        CommandGroup.of("auth", "Authenticate with the Chainloop control plane")
            .add(new AuthSignupCommand())
            .add(new AuthLoginCommand())
            .add(new AuthLogoutCommand());

    CommandGroup config =
        CommandGroup.of("config", "Configure this client")
            .add(new ConfigSaveCommand())
            .add(new ConfigViewCommand())
            .add(new ConfigResetCommand());

    CommandGroup contract =
        CommandGroup.of("contract", "Workflow contracts management")
            .add(new ContractCreateCommand())
            .add(new ContractListCommand())
            .add(new ContractDescribeCommand())
            .add(new ContractUpdateCommand())
            .add(new ContractDeleteCommand())
            .add(new ContractApplyCommand());

    CommandGroup robotAccount =
        CommandGroup.of("robot-account", "Robot accounts management (legacy)", "ra")
            .add(new RobotAccountCreateCommand())
            .add(new RobotAccountListCommand())
            .add(new RobotAccountRevokeCommand());

    CommandGroup workflow =
        CommandGroup.of("workflow", "Workflows management", "wf")
            .add(new WorkflowCreateCommand())
            .add(new WorkflowListCommand())
            .add(new WorkflowDescribeCommand())
            .add(new WorkflowUpdateCommand())
            .add(new WorkflowDeleteCommand())
            .add(contract)
            .add(robotAccount)
            .add(workflowRun());

    CommandGroup policy =
        CommandGroup.of("policy", "Policies management (CEL)")
            .add(new PolicyListCommand(PolicyKind.POLICY))
            .add(new PolicyDescribeCommand(PolicyKind.POLICY))
            .add(new PolicyDeleteCommand(PolicyKind.POLICY))
            .add(
                CommandGroup.of("develop", "Tools for policy development", "devel")
                    .withLongDescription(
                        "A set of tools to facilitate policy development: lint a policy and"
                            + " evaluate it on a material locally, with the control plane's"
                            + " engine.")
                    .add(new PolicyDevelopEvalCommand())
                    .add(new PolicyDevelopLintCommand()));

    CommandGroup policyGroup =
        CommandGroup.of("policy-group", "Policy groups management: named sets of policies")
            .add(new PolicyListCommand(PolicyKind.GROUP))
            .add(new PolicyDescribeCommand(PolicyKind.GROUP))
            .add(new PolicyDeleteCommand(PolicyKind.GROUP));

    CommandGroup project =
        CommandGroup.of("project", "Projects management")
            .add(new ProjectListCommand())
            .add(
                CommandGroup.of("version", "Project versions management")
                    .add(new ProjectVersionListCommand())
                    .add(new ProjectVersionDescribeCommand())
                    .add(new ProjectVersionUpdateCommand()));

    return CommandGroup.of("chainloop", "Chainloop Command Line Interface")
        .withLongDescription(
            "Chainloop Command Line Interface: manage your organization, API tokens and software supply chain"
                + " metadata in the Chainloop control plane.")
        .add(auth)
        .add(config)
        .add(organization)
        .add(workflow)
        .add(project)
        .add(policy)
        .add(policyGroup)
        .add(new ApplyCommand())
        .add(attestation())
        .add(artifact())
        .add(integration())
        .add(casBackend())
        .add(new DiscoverCommand())
        .add(new GatherRunnerContextCommand())
        .add(new VersionCommand());
  }

  static CommandGroup attestation() {
    return CommandGroup.of("attestation", "Craft Software Supply Chain Attestations", "att")
        .add(new AttestationInitCommand())
        .add(new AttestationAddCommand())
        .add(new AttestationStatusCommand())
        .add(new AttestationPushCommand())
        .add(new AttestationResetCommand())
        .add(new AttestationVerifyCommand());
  }

  static CommandGroup casBackend() {
    return CommandGroup.of("cas-backend", "Operations on Artifact CAS backends")
        .add(new CasBackendListCommand())
        .add(
            CommandGroup.of("add", "Add a new Artifact CAS backend")
                .add(new CasBackendAddOciCommand())
                .add(new CasBackendAddS3Command()))
        .add(
            CommandGroup.of(
                    "update",
                    "Update a CAS backend description, credentials, default status, fallback"
                        + " status, or max bytes")
                .add(new CasBackendUpdateOciCommand())
                .add(new CasBackendUpdateS3Command()))
        .add(new CasBackendDeleteCommand());
  }

  static CommandGroup integration() {
    return CommandGroup.of("integration", "Third party integrations")
        .withLongDescription(
            "Send attestations to third party systems: integrations available in the control plane"
                + " are registered in your organization with their configuration, then attached to"
                + " workflows; every attestation pushed afterwards is delivered to them.")
        .add(
            CommandGroup.of(
                    "available",
                    "Integrations available in the controlplane ready to be registered")
                .add(new AvailableIntegrationListCommand())
                .add(new AvailableIntegrationDescribeCommand()))
        .add(
            CommandGroup.of(
                    "registered", "Integrations registered and configured in your Organization")
                .add(new RegisteredIntegrationListCommand())
                .add(new RegisteredIntegrationAddCommand())
                .add(new RegisteredIntegrationDescribeCommand())
                .add(new RegisteredIntegrationUpdateCommand())
                .add(new RegisteredIntegrationDeleteCommand()))
        .add(
            CommandGroup.of("attached", "Integrations attached to workflows")
                .add(new AttachedIntegrationListCommand())
                .add(new AttachedIntegrationAddCommand())
                .add(new AttachedIntegrationDeleteCommand()))
        .add(
            CommandGroup.of(
                    "deliveries", "Deliveries of attestations to integrations, with their retries")
                .add(new IntegrationDeliveryListCommand()));
  }

  static CommandGroup artifact() {
    return CommandGroup.of("artifact", "Download or upload Artifacts to the CAS")
        .add(new ArtifactUploadCommand())
        .add(new ArtifactDownloadCommand());
  }

  /** The {@code workflow workflow-run} subgroup; added to the workflow group in one line. */
  public static CommandGroup workflowRun() {
    return CommandGroup.of("workflow-run", "View workflow runs", "run")
        .add(new RunListCommand())
        .add(new RunDescribeCommand());
  }
}
