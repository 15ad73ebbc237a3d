package dev.chainloop.ee.cli.client;

import dev.chainloop.ee.cli.client.model.ApiToken;
import dev.chainloop.ee.cli.client.model.ApiTokenList;
import dev.chainloop.ee.cli.client.model.Applied;
import dev.chainloop.ee.cli.client.model.ApplyContractRequest;
import dev.chainloop.ee.cli.client.model.ApplyPolicyRequest;
import dev.chainloop.ee.cli.client.model.AttachIntegrationRequest;
import dev.chainloop.ee.cli.client.model.AttachedIntegration;
import dev.chainloop.ee.cli.client.model.AttachedIntegrationList;
import dev.chainloop.ee.cli.client.model.AttestationInit;
import dev.chainloop.ee.cli.client.model.AuditChain;
import dev.chainloop.ee.cli.client.model.AuditEventPage;
import dev.chainloop.ee.cli.client.model.AvailableIntegration;
import dev.chainloop.ee.cli.client.model.AvailableIntegrationList;
import dev.chainloop.ee.cli.client.model.CancelRequest;
import dev.chainloop.ee.cli.client.model.CasBackend;
import dev.chainloop.ee.cli.client.model.CasBackendList;
import dev.chainloop.ee.cli.client.model.CertificateChain;
import dev.chainloop.ee.cli.client.model.CertificateRequest;
import dev.chainloop.ee.cli.client.model.Context;
import dev.chainloop.ee.cli.client.model.Contract;
import dev.chainloop.ee.cli.client.model.ContractList;
import dev.chainloop.ee.cli.client.model.CreateApiTokenRequest;
import dev.chainloop.ee.cli.client.model.CreateCasBackendRequest;
import dev.chainloop.ee.cli.client.model.CreateContractRequest;
import dev.chainloop.ee.cli.client.model.CreateInvitationRequest;
import dev.chainloop.ee.cli.client.model.CreateOrganizationRequest;
import dev.chainloop.ee.cli.client.model.CreateRobotAccountRequest;
import dev.chainloop.ee.cli.client.model.CreateTrustedIdentityRequest;
import dev.chainloop.ee.cli.client.model.CreateWorkflowRequest;
import dev.chainloop.ee.cli.client.model.EvaluateMaterialRequest;
import dev.chainloop.ee.cli.client.model.InitRequest;
import dev.chainloop.ee.cli.client.model.IntegrationDelivery;
import dev.chainloop.ee.cli.client.model.IntegrationDeliveryList;
import dev.chainloop.ee.cli.client.model.Invitation;
import dev.chainloop.ee.cli.client.model.InvitationList;
import dev.chainloop.ee.cli.client.model.Login;
import dev.chainloop.ee.cli.client.model.LoginRequest;
import dev.chainloop.ee.cli.client.model.MaterialEvaluations;
import dev.chainloop.ee.cli.client.model.Member;
import dev.chainloop.ee.cli.client.model.MemberPage;
import dev.chainloop.ee.cli.client.model.Membership;
import dev.chainloop.ee.cli.client.model.MembershipList;
import dev.chainloop.ee.cli.client.model.Organization;
import dev.chainloop.ee.cli.client.model.Policy;
import dev.chainloop.ee.cli.client.model.PolicyApplied;
import dev.chainloop.ee.cli.client.model.PolicyList;
import dev.chainloop.ee.cli.client.model.Project;
import dev.chainloop.ee.cli.client.model.ProjectList;
import dev.chainloop.ee.cli.client.model.ProjectVersion;
import dev.chainloop.ee.cli.client.model.ProjectVersionList;
import dev.chainloop.ee.cli.client.model.Referrer;
import dev.chainloop.ee.cli.client.model.RegisterIntegrationRequest;
import dev.chainloop.ee.cli.client.model.RegisteredIntegration;
import dev.chainloop.ee.cli.client.model.RegisteredIntegrationList;
import dev.chainloop.ee.cli.client.model.RemoteState;
import dev.chainloop.ee.cli.client.model.RobotAccount;
import dev.chainloop.ee.cli.client.model.RobotAccountList;
import dev.chainloop.ee.cli.client.model.RunDetails;
import dev.chainloop.ee.cli.client.model.RunPage;
import dev.chainloop.ee.cli.client.model.SaveStateRequest;
import dev.chainloop.ee.cli.client.model.SignupRequest;
import dev.chainloop.ee.cli.client.model.SigstoreTrustedRoot;
import dev.chainloop.ee.cli.client.model.SsoDevicePoll;
import dev.chainloop.ee.cli.client.model.SsoDeviceStart;
import dev.chainloop.ee.cli.client.model.Status;
import dev.chainloop.ee.cli.client.model.Stored;
import dev.chainloop.ee.cli.client.model.TokenExchange;
import dev.chainloop.ee.cli.client.model.TokenExchangeRequest;
import dev.chainloop.ee.cli.client.model.TrustedIdentity;
import dev.chainloop.ee.cli.client.model.TrustedIdentityList;
import dev.chainloop.ee.cli.client.model.TrustedRoot;
import dev.chainloop.ee.cli.client.model.UpdateCasBackendRequest;
import dev.chainloop.ee.cli.client.model.UpdateContractRequest;
import dev.chainloop.ee.cli.client.model.UpdateIntegrationRequest;
import dev.chainloop.ee.cli.client.model.UpdateMemberRequest;
import dev.chainloop.ee.cli.client.model.UpdateOrganizationRequest;
import dev.chainloop.ee.cli.client.model.UpdateProjectVersionRequest;
import dev.chainloop.ee.cli.client.model.UpdateWorkflowRequest;
import dev.chainloop.ee.cli.client.model.User;
import dev.chainloop.ee.cli.client.model.Workflow;
import dev.chainloop.ee.cli.client.model.WorkflowPage;
import jakarta.json.JsonObject;
import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed API of the control plane: one method per operation the CLI uses. Every path, query
 * parameter and body is declared below (the JSON fields in {@code client.model}) and nowhere else;
 * ControlPlaneContractTest checks them against docs/openapi.yaml.
 */
public final class ControlPlane {
  // status, auth
  static final Endpoint<Status> GET_STATUS =
      Endpoint.json("GET", "/api/v1/status", "getStatus", Status.class);
  static final Endpoint<Login> LOGIN =
      Endpoint.json("POST", "/api/v1/auth/login", "login", Login.class).body(LoginRequest.class);
  static final Endpoint<Void> LOGOUT = Endpoint.noAnswer("POST", "/api/v1/auth/logout", "logout");
  static final Endpoint<User> SIGNUP =
      Endpoint.json("POST", "/api/v1/auth/signup", "signup", User.class).body(SignupRequest.class);
  static final Endpoint<TokenExchange> EXCHANGE_TOKEN =
      Endpoint.json("POST", "/api/v1/auth/token-exchange", "exchangeToken", TokenExchange.class)
          .formBody(TokenExchangeRequest.class);
  static final Endpoint<SsoDeviceStart> START_SSO_DEVICE_LOGIN =
      Endpoint.json("POST", "/api/v1/auth/sso/device", "startSsoDeviceLogin", SsoDeviceStart.class);
  static final Endpoint<Login> POLL_SSO_DEVICE_LOGIN =
      Endpoint.json("POST", "/api/v1/auth/sso/device/token", "pollSsoDeviceLogin", Login.class)
          .body(SsoDevicePoll.class);
  static final Endpoint<Context> GET_CONTEXT =
      Endpoint.json("GET", "/api/v1/context", "getContext", Context.class);

  // organizations, memberships, members, invitations, audit
  static final Endpoint<Organization> CREATE_ORGANIZATION =
      Endpoint.json("POST", "/api/v1/organizations", "createOrganization", Organization.class)
          .body(CreateOrganizationRequest.class);
  static final Endpoint<Organization> UPDATE_ORGANIZATION =
      Endpoint.json(
              "PATCH", "/api/v1/organizations/{name}", "updateOrganization", Organization.class)
          .body(UpdateOrganizationRequest.class);
  static final Endpoint<Void> DELETE_ORGANIZATION =
      Endpoint.noAnswer("DELETE", "/api/v1/organizations/{name}", "deleteOrganization");
  static final Endpoint<MembershipList> LIST_MEMBERSHIPS =
      Endpoint.json("GET", "/api/v1/memberships", "listMemberships", MembershipList.class);
  static final Endpoint<Void> LEAVE_ORGANIZATION =
      Endpoint.noAnswer("DELETE", "/api/v1/memberships/{id}", "leaveOrganization");
  static final Endpoint<Void> SET_DEFAULT_MEMBERSHIP =
      Endpoint.noAnswer("PUT", "/api/v1/memberships/{id}/default", "setDefaultMembership");
  static final Endpoint<MemberPage> LIST_MEMBERS =
      Endpoint.json("GET", "/api/v1/members", "listMembers", MemberPage.class)
          .query("email", String.class)
          .query("role", String.class)
          .query("page", Integer.class)
          .query("limit", Integer.class);
  static final Endpoint<Member> UPDATE_MEMBER =
      Endpoint.json("PATCH", "/api/v1/members/{id}", "updateMember", Member.class)
          .body(UpdateMemberRequest.class);
  static final Endpoint<Void> DELETE_MEMBER =
      Endpoint.noAnswer("DELETE", "/api/v1/members/{id}", "deleteMember");
  static final Endpoint<Invitation> CREATE_INVITATION =
      Endpoint.json("POST", "/api/v1/invitations", "createInvitation", Invitation.class)
          .body(CreateInvitationRequest.class);
  static final Endpoint<InvitationList> LIST_INVITATIONS =
      Endpoint.json("GET", "/api/v1/invitations", "listInvitations", InvitationList.class);
  static final Endpoint<Void> REVOKE_INVITATION =
      Endpoint.noAnswer("DELETE", "/api/v1/invitations/{id}", "revokeInvitation");
  static final Endpoint<AuditEventPage> LIST_AUDIT_EVENTS =
      Endpoint.json("GET", "/api/v1/audit-events", "listAuditEvents", AuditEventPage.class)
          .query("page", Integer.class)
          .query("limit", Integer.class);
  static final Endpoint<AuditChain> VERIFY_AUDIT_CHAIN =
      Endpoint.json(
          "GET", "/api/v1/audit-events/verification", "verifyAuditChain", AuditChain.class);

  // trusted identities (federated CI credentials)
  static final Endpoint<TrustedIdentityList> LIST_TRUSTED_IDENTITIES =
      Endpoint.json(
          "GET", "/api/v1/trusted-identities", "listTrustedIdentities", TrustedIdentityList.class);
  static final Endpoint<TrustedIdentity> CREATE_TRUSTED_IDENTITY =
      Endpoint.json(
              "POST", "/api/v1/trusted-identities", "createTrustedIdentity", TrustedIdentity.class)
          .body(CreateTrustedIdentityRequest.class);
  static final Endpoint<Void> DELETE_TRUSTED_IDENTITY =
      Endpoint.noAnswer("DELETE", "/api/v1/trusted-identities/{id}", "deleteTrustedIdentity");

  // API tokens
  static final Endpoint<ApiTokenList> LIST_API_TOKENS =
      Endpoint.json("GET", "/api/v1/api-tokens", "listApiTokens", ApiTokenList.class)
          .query("status", String.class)
          .query("project", String.class)
          .query("scope", String.class)
          .query("limit", Integer.class)
          .query("next", String.class);
  static final Endpoint<ApiToken> CREATE_API_TOKEN =
      Endpoint.json("POST", "/api/v1/api-tokens", "createApiToken", ApiToken.class)
          .body(CreateApiTokenRequest.class);
  static final Endpoint<Void> REVOKE_API_TOKEN =
      Endpoint.noAnswer("DELETE", "/api/v1/api-tokens/{id}", "revokeApiToken");

  // projects, workflows, robot accounts
  static final Endpoint<ProjectList> LIST_PROJECTS =
      Endpoint.json("GET", "/api/v1/projects", "listProjects", ProjectList.class);
  static final Endpoint<ProjectVersionList> LIST_PROJECT_VERSIONS =
      Endpoint.json(
          "GET",
          "/api/v1/projects/{project}/versions",
          "listProjectVersions",
          ProjectVersionList.class);
  static final Endpoint<ProjectVersion> DESCRIBE_PROJECT_VERSION =
      Endpoint.json(
          "GET",
          "/api/v1/projects/{project}/versions/{version}",
          "describeProjectVersion",
          ProjectVersion.class);
  static final Endpoint<ProjectVersion> UPDATE_PROJECT_VERSION =
      Endpoint.json(
              "PATCH",
              "/api/v1/projects/{project}/versions/{version}",
              "updateProjectVersion",
              ProjectVersion.class)
          .body(UpdateProjectVersionRequest.class);
  static final Endpoint<WorkflowPage> LIST_WORKFLOWS =
      Endpoint.json("GET", "/api/v1/workflows", "listWorkflows", WorkflowPage.class)
          .query("project", String.class)
          .query("page", Integer.class)
          .query("limit", Integer.class);
  static final Endpoint<Workflow> CREATE_WORKFLOW =
      Endpoint.json("POST", "/api/v1/workflows", "createWorkflow", Workflow.class)
          .body(CreateWorkflowRequest.class);
  static final Endpoint<Workflow> VIEW_WORKFLOW_BY_NAME =
      Endpoint.json("GET", "/api/v1/workflows/by-name/{name}", "viewWorkflowByName", Workflow.class)
          .query("project", String.class);
  static final Endpoint<Workflow> GET_WORKFLOW =
      Endpoint.json("GET", "/api/v1/workflows/{id}", "getWorkflow", Workflow.class);
  static final Endpoint<Workflow> UPDATE_WORKFLOW =
      Endpoint.json("PATCH", "/api/v1/workflows/{id}", "updateWorkflow", Workflow.class)
          .body(UpdateWorkflowRequest.class);
  static final Endpoint<Void> DELETE_WORKFLOW =
      Endpoint.noAnswer("DELETE", "/api/v1/workflows/{id}", "deleteWorkflow");
  static final Endpoint<RobotAccountList> LIST_ROBOT_ACCOUNTS =
      Endpoint.json(
              "GET",
              "/api/v1/workflows/{id}/robot-accounts",
              "listRobotAccounts",
              RobotAccountList.class)
          .query("all", Boolean.class);
  static final Endpoint<RobotAccount> CREATE_ROBOT_ACCOUNT =
      Endpoint.json(
              "POST",
              "/api/v1/workflows/{id}/robot-accounts",
              "createRobotAccount",
              RobotAccount.class)
          .body(CreateRobotAccountRequest.class);
  static final Endpoint<Void> REVOKE_ROBOT_ACCOUNT =
      Endpoint.noAnswer("DELETE", "/api/v1/robot-accounts/{id}", "revokeRobotAccount");

  // contracts
  static final Endpoint<ContractList> LIST_CONTRACTS =
      Endpoint.json("GET", "/api/v1/workflow-contracts", "listContracts", ContractList.class);
  static final Endpoint<Contract> CREATE_CONTRACT =
      Endpoint.json("POST", "/api/v1/workflow-contracts", "createContract", Contract.class)
          .body(CreateContractRequest.class);
  static final Endpoint<Applied> APPLY_CONTRACT =
      Endpoint.json("POST", "/api/v1/workflow-contracts/apply", "applyContract", Applied.class)
          .body(ApplyContractRequest.class);
  static final Endpoint<Contract> DESCRIBE_CONTRACT =
      Endpoint.json("GET", "/api/v1/workflow-contracts/{name}", "describeContract", Contract.class)
          .query("revision", Integer.class);
  static final Endpoint<Contract> UPDATE_CONTRACT =
      Endpoint.json("PATCH", "/api/v1/workflow-contracts/{name}", "updateContract", Contract.class)
          .body(UpdateContractRequest.class);
  static final Endpoint<Void> DELETE_CONTRACT =
      Endpoint.noAnswer("DELETE", "/api/v1/workflow-contracts/{name}", "deleteContract");

  // policies
  static final Endpoint<PolicyList> LIST_POLICIES =
      Endpoint.json("GET", "/api/v1/policies", "listPolicies", PolicyList.class);
  static final Endpoint<Policy> DESCRIBE_POLICY =
      Endpoint.json("GET", "/api/v1/policies/{name}", "describePolicy", Policy.class)
          .query("revision", Integer.class);
  static final Endpoint<Void> DELETE_POLICY =
      Endpoint.noAnswer("DELETE", "/api/v1/policies/{name}", "deletePolicy");

  // integrations
  static final Endpoint<AvailableIntegrationList> LIST_AVAILABLE_INTEGRATIONS =
      Endpoint.json(
          "GET",
          "/api/v1/integrations/available",
          "listAvailableIntegrations",
          AvailableIntegrationList.class);
  static final Endpoint<AvailableIntegration> DESCRIBE_AVAILABLE_INTEGRATION =
      Endpoint.json(
          "GET",
          "/api/v1/integrations/available/{name}",
          "describeAvailableIntegration",
          AvailableIntegration.class);
  static final Endpoint<RegisteredIntegrationList> LIST_REGISTERED_INTEGRATIONS =
      Endpoint.json(
          "GET",
          "/api/v1/integrations/registered",
          "listRegisteredIntegrations",
          RegisteredIntegrationList.class);
  static final Endpoint<RegisteredIntegration> REGISTER_INTEGRATION =
      Endpoint.json(
              "POST",
              "/api/v1/integrations/registered",
              "registerIntegration",
              RegisteredIntegration.class)
          .body(RegisterIntegrationRequest.class);
  static final Endpoint<RegisteredIntegration> DESCRIBE_REGISTERED_INTEGRATION =
      Endpoint.json(
          "GET",
          "/api/v1/integrations/registered/{name}",
          "describeRegisteredIntegration",
          RegisteredIntegration.class);
  static final Endpoint<RegisteredIntegration> UPDATE_REGISTERED_INTEGRATION =
      Endpoint.json(
              "PATCH",
              "/api/v1/integrations/registered/{name}",
              "updateRegisteredIntegration",
              RegisteredIntegration.class)
          .body(UpdateIntegrationRequest.class);
  static final Endpoint<Void> DELETE_REGISTERED_INTEGRATION =
      Endpoint.noAnswer(
          "DELETE", "/api/v1/integrations/registered/{name}", "deleteRegisteredIntegration");
  static final Endpoint<AttachedIntegrationList> LIST_ATTACHED_INTEGRATIONS =
      Endpoint.json(
              "GET",
              "/api/v1/integrations/attached",
              "listAttachedIntegrations",
              AttachedIntegrationList.class)
          .query("workflow", String.class)
          .query("project", String.class);
  static final Endpoint<AttachedIntegration> ATTACH_INTEGRATION =
      Endpoint.json(
              "POST",
              "/api/v1/integrations/attached",
              "attachIntegration",
              AttachedIntegration.class)
          .body(AttachIntegrationRequest.class);
  static final Endpoint<Void> DETACH_INTEGRATION =
      Endpoint.noAnswer("DELETE", "/api/v1/integrations/attached/{id}", "detachIntegration");
  // CAS backends
  static final Endpoint<CasBackendList> LIST_CAS_BACKENDS =
      Endpoint.json("GET", "/api/v1/cas-backends", "listCasBackends", CasBackendList.class);
  static final Endpoint<CasBackend> ADD_CAS_BACKEND =
      Endpoint.json("POST", "/api/v1/cas-backends", "addCasBackend", CasBackend.class)
          .body(CreateCasBackendRequest.class);
  static final Endpoint<CasBackend> UPDATE_CAS_BACKEND =
      Endpoint.json("PATCH", "/api/v1/cas-backends/{name}", "updateCasBackend", CasBackend.class)
          .body(UpdateCasBackendRequest.class);
  static final Endpoint<Void> DELETE_CAS_BACKEND =
      Endpoint.noAnswer("DELETE", "/api/v1/cas-backends/{name}", "deleteCasBackend");
  static final Endpoint<IntegrationDeliveryList> LIST_INTEGRATION_DELIVERIES =
      Endpoint.json(
              "GET",
              "/api/v1/integrations/deliveries",
              "listIntegrationDeliveries",
              IntegrationDeliveryList.class)
          .query("status", String.class)
          .query("limit", Integer.class);
  static final Endpoint<PolicyApplied> APPLY_POLICY =
      Endpoint.json("POST", "/api/v1/policies/apply", "applyPolicy", PolicyApplied.class)
          .body(ApplyPolicyRequest.class);
  static final Endpoint<PolicyList> LIST_POLICY_GROUPS =
      Endpoint.json("GET", "/api/v1/policy-groups", "listPolicyGroups", PolicyList.class);
  static final Endpoint<Policy> DESCRIBE_POLICY_GROUP =
      Endpoint.json("GET", "/api/v1/policy-groups/{name}", "describePolicyGroup", Policy.class)
          .query("revision", Integer.class);
  static final Endpoint<Void> DELETE_POLICY_GROUP =
      Endpoint.noAnswer("DELETE", "/api/v1/policy-groups/{name}", "deletePolicyGroup");
  static final Endpoint<PolicyApplied> APPLY_POLICY_GROUP =
      Endpoint.json("POST", "/api/v1/policy-groups/apply", "applyPolicyGroup", PolicyApplied.class)
          .body(ApplyPolicyRequest.class);

  // runs, attestations, signing, artifacts, discovery
  static final Endpoint<RunPage> LIST_WORKFLOW_RUNS =
      Endpoint.json("GET", "/api/v1/workflow-runs", "listWorkflowRuns", RunPage.class)
          .query("workflow", String.class)
          .query("project", String.class)
          .query("version", String.class)
          .query("status", String.class)
          .query("policyStatus", String.class)
          .query("next", String.class)
          .query("limit", Integer.class);
  static final Endpoint<RunDetails> DESCRIBE_WORKFLOW_RUN =
      Endpoint.json("GET", "/api/v1/workflow-runs/{id}", "describeWorkflowRun", RunDetails.class)
          .query("verify", Boolean.class);
  static final Endpoint<RunDetails> DESCRIBE_WORKFLOW_RUN_BY_DIGEST =
      Endpoint.json(
              "GET",
              "/api/v1/workflow-runs/by-digest/{digest}",
              "describeWorkflowRunByDigest",
              RunDetails.class)
          .query("verify", Boolean.class);
  static final Endpoint<AttestationInit> INIT_ATTESTATION =
      Endpoint.json("POST", "/api/v1/attestations/init", "initAttestation", AttestationInit.class)
          .body(InitRequest.class);
  static final Endpoint<Void> CANCEL_ATTESTATION =
      Endpoint.noAnswer("POST", "/api/v1/attestations/{runId}/cancel", "cancelAttestation")
          .body(CancelRequest.class);
  static final Endpoint<RemoteState> READ_ATTESTATION_STATE =
      Endpoint.json(
          "GET", "/api/v1/attestations/{runId}/state", "readAttestationState", RemoteState.class);
  static final Endpoint<Void> SAVE_ATTESTATION_STATE =
      Endpoint.noAnswer("PUT", "/api/v1/attestations/{runId}/state", "saveAttestationState")
          .body(SaveStateRequest.class);
  static final Endpoint<Stored> STORE_ATTESTATION =
      Endpoint.json("POST", "/api/v1/attestations/{runId}/store", "storeAttestation", Stored.class)
          .query("bypassPolicyCheck", Boolean.class)
          .query("publicKey", String.class)
          .jsonBytesBody();
  static final Endpoint<MaterialEvaluations> EVALUATE_MATERIAL_POLICIES =
      Endpoint.json(
              "POST",
              "/api/v1/attestations/{runId}/policy-evaluations",
              "evaluateMaterialPolicies",
              MaterialEvaluations.class)
          .body(EvaluateMaterialRequest.class);
  static final Endpoint<CertificateChain> GENERATE_SIGNING_CERTIFICATE =
      Endpoint.json(
              "POST",
              "/api/v1/signing/certificates",
              "generateSigningCertificate",
              CertificateChain.class)
          .body(CertificateRequest.class);
  static final Endpoint<Void> TIMESTAMP =
      Endpoint.binary(
              "POST", "/api/v1/signing/timestamp", "timestamp", "application/timestamp-reply")
          .binaryBody("application/timestamp-query");
  static final Endpoint<TrustedRoot> GET_TRUSTED_ROOT =
      Endpoint.json("GET", "/api/v1/signing/trusted-root", "getTrustedRoot", TrustedRoot.class);
  static final Endpoint<SigstoreTrustedRoot> GET_SIGSTORE_TRUSTED_ROOT =
      Endpoint.json(
          "GET",
          "/api/v1/signing/trusted-root/sigstore",
          "getSigstoreTrustedRoot",
          SigstoreTrustedRoot.class);
  static final Endpoint<Void> UPLOAD_ARTIFACT =
      Endpoint.noAnswer("PUT", "/api/v1/artifacts/{digest}", "uploadArtifact").fileBody();
  static final Endpoint<Void> DOWNLOAD_ARTIFACT =
      Endpoint.bytes("/api/v1/artifacts/{digest}", "downloadArtifact");
  static final Endpoint<Referrer> DISCOVER_DIGEST =
      Endpoint.json("GET", "/api/v1/discover/{digest}", "discoverDigest", Referrer.class)
          .query("kind", String.class)
          .query("limit", Integer.class)
          .query("next", String.class);

  private final ApiClient http;

  public ControlPlane(ApiClient http) {
    this.http = http;
  }

  private <R> R send(Endpoint.Call<R> call) {
    return call.read(http.send(call.request()));
  }

  public Status status() {
    return send(GET_STATUS.call());
  }

  public Login login(LoginRequest credentials) {
    return send(LOGIN.call().json(credentials));
  }

  public SsoDeviceStart startSsoDeviceLogin() {
    return send(START_SSO_DEVICE_LOGIN.call());
  }

  /** The login once the person approved it at the provider; an empty token while pending (202). */
  public Login pollSsoDeviceLogin(String deviceCode) {
    return send(POLL_SSO_DEVICE_LOGIN.call().json(new SsoDevicePoll(deviceCode)));
  }

  /** Exchanges a CI job's OIDC ID token for a short-lived API credential (RFC 8693). */
  public TokenExchange exchangeIdToken(String idToken) {
    return send(EXCHANGE_TOKEN.call().form(TokenExchangeRequest.forIdToken(idToken)));
  }

  public List<TrustedIdentity> trustedIdentities() {
    return send(LIST_TRUSTED_IDENTITIES.call()).items();
  }

  public TrustedIdentity createTrustedIdentity(CreateTrustedIdentityRequest request) {
    return send(CREATE_TRUSTED_IDENTITY.call().json(request));
  }

  public void deleteTrustedIdentity(String id) {
    send(DELETE_TRUSTED_IDENTITY.call(id));
  }

  /** Revokes the user token of this client. */
  public void logout() {
    send(LOGOUT.call());
  }

  public User signup(SignupRequest account) {
    return send(SIGNUP.call().json(account));
  }

  public Context context() {
    return send(GET_CONTEXT.call());
  }

  public Organization createOrganization(CreateOrganizationRequest organization) {
    return send(CREATE_ORGANIZATION.call().json(organization));
  }

  public Organization updateOrganization(String name, UpdateOrganizationRequest changes) {
    return send(UPDATE_ORGANIZATION.call(name).json(changes));
  }

  public void deleteOrganization(String name) {
    send(DELETE_ORGANIZATION.call(name));
  }

  public List<Membership> memberships() {
    return send(LIST_MEMBERSHIPS.call()).items();
  }

  public void leaveOrganization(String membershipId) {
    send(LEAVE_ORGANIZATION.call(membershipId));
  }

  public void makeDefault(String membershipId) {
    send(SET_DEFAULT_MEMBERSHIP.call(membershipId));
  }

  /** Members, filtered by email and role when not empty. */
  public MemberPage members(String email, String role, int page, int limit) {
    return send(
        LIST_MEMBERS
            .call()
            .query("email", email)
            .query("role", role)
            .query("page", page)
            .query("limit", limit));
  }

  public Member updateMember(String id, UpdateMemberRequest changes) {
    return send(UPDATE_MEMBER.call(id).json(changes));
  }

  public void deleteMember(String id) {
    send(DELETE_MEMBER.call(id));
  }

  public Invitation createInvitation(CreateInvitationRequest invitation) {
    return send(CREATE_INVITATION.call().json(invitation));
  }

  public List<Invitation> invitations() {
    return send(LIST_INVITATIONS.call()).items();
  }

  public void revokeInvitation(String id) {
    send(REVOKE_INVITATION.call(id));
  }

  public AuditEventPage auditEvents(int page, int limit) {
    return send(LIST_AUDIT_EVENTS.call().query("page", page).query("limit", limit));
  }

  /** The server's check of the organization's audit hash chain. */
  public AuditChain verifyAuditChain() {
    return send(VERIFY_AUDIT_CHAIN.call());
  }

  /** API tokens by status, filtered by project and scope when not empty. */
  /** Every API token the filters select, oldest first: all pages, 100 at a time. */
  public List<ApiToken> apiTokens(String status, String project, String scope) {
    List<ApiToken> all = new ArrayList<>();
    String next = null;
    do {
      ApiTokenList page =
          send(
              LIST_API_TOKENS
                  .call()
                  .query("status", status)
                  .query("project", project)
                  .query("scope", scope)
                  .query("limit", 100)
                  .query("next", next));
      all.addAll(page.items());
      next = page.nextCursor().orElse(null);
    } while (next != null);
    return all;
  }

  public ApiToken createApiToken(CreateApiTokenRequest token) {
    return send(CREATE_API_TOKEN.call().json(token));
  }

  public void revokeApiToken(String id) {
    send(REVOKE_API_TOKEN.call(id));
  }

  public List<Project> projects() {
    return send(LIST_PROJECTS.call()).items();
  }

  public List<ProjectVersion> projectVersions(String project) {
    return send(LIST_PROJECT_VERSIONS.call(project)).items();
  }

  public ProjectVersion projectVersion(String project, String version) {
    return send(DESCRIBE_PROJECT_VERSION.call(project, version));
  }

  public ProjectVersion updateProjectVersion(
      String project, String version, UpdateProjectVersionRequest changes) {
    return send(UPDATE_PROJECT_VERSION.call(project, version).json(changes));
  }

  /** Workflows, of one project when {@code project} is not empty. */
  public WorkflowPage workflows(String project, int page, int limit) {
    return send(
        LIST_WORKFLOWS.call().query("project", project).query("page", page).query("limit", limit));
  }

  public Workflow createWorkflow(CreateWorkflowRequest workflow) {
    return send(CREATE_WORKFLOW.call().json(workflow));
  }

  /** A workflow by name; {@code project} may be empty when the name is unique. */
  public Workflow workflowByName(String name, String project) {
    return send(VIEW_WORKFLOW_BY_NAME.call(name).query("project", project));
  }

  public Workflow workflow(String id) {
    return send(GET_WORKFLOW.call(id));
  }

  public Workflow updateWorkflow(String id, UpdateWorkflowRequest changes) {
    return send(UPDATE_WORKFLOW.call(id).json(changes));
  }

  public void deleteWorkflow(String id) {
    send(DELETE_WORKFLOW.call(id));
  }

  public List<RobotAccount> robotAccounts(String workflowId, boolean includeRevoked) {
    return send(LIST_ROBOT_ACCOUNTS.call(workflowId).query("all", includeRevoked ? true : null))
        .items();
  }

  public RobotAccount createRobotAccount(String workflowId, CreateRobotAccountRequest account) {
    return send(CREATE_ROBOT_ACCOUNT.call(workflowId).json(account));
  }

  public void revokeRobotAccount(String id) {
    send(REVOKE_ROBOT_ACCOUNT.call(id));
  }

  public List<Contract> contracts() {
    return send(LIST_CONTRACTS.call()).items();
  }

  public Contract createContract(CreateContractRequest contract) {
    return send(CREATE_CONTRACT.call().json(contract));
  }

  public Applied applyContract(ApplyContractRequest document) {
    return send(APPLY_CONTRACT.call().json(document));
  }

  /** A contract with one revision; 0 is the latest. */
  public Contract contract(String name, int revision) {
    return send(DESCRIBE_CONTRACT.call(name).query("revision", revision));
  }

  public Contract updateContract(String name, UpdateContractRequest changes) {
    return send(UPDATE_CONTRACT.call(name).json(changes));
  }

  public void deleteContract(String name) {
    send(DELETE_CONTRACT.call(name));
  }

  public List<Policy> policies() {
    return send(LIST_POLICIES.call()).items();
  }

  /** A policy with one revision; 0 is the latest. */
  public Policy policy(String name, int revision) {
    return send(DESCRIBE_POLICY.call(name).query("revision", revision));
  }

  public void deletePolicy(String name) {
    send(DELETE_POLICY.call(name));
  }

  public List<AvailableIntegration> availableIntegrations() {
    return send(LIST_AVAILABLE_INTEGRATIONS.call()).items();
  }

  public AvailableIntegration availableIntegration(String name) {
    return send(DESCRIBE_AVAILABLE_INTEGRATION.call(name));
  }

  public List<RegisteredIntegration> registeredIntegrations() {
    return send(LIST_REGISTERED_INTEGRATIONS.call()).items();
  }

  public RegisteredIntegration registerIntegration(RegisterIntegrationRequest request) {
    return send(REGISTER_INTEGRATION.call().json(request));
  }

  public RegisteredIntegration registeredIntegration(String name) {
    return send(DESCRIBE_REGISTERED_INTEGRATION.call(name));
  }

  public RegisteredIntegration updateRegisteredIntegration(
      String name, UpdateIntegrationRequest changes) {
    return send(UPDATE_REGISTERED_INTEGRATION.call(name).json(changes));
  }

  public List<CasBackend> casBackends() {
    return send(LIST_CAS_BACKENDS.call()).items();
  }

  public CasBackend addCasBackend(CreateCasBackendRequest request) {
    return send(ADD_CAS_BACKEND.call().json(request));
  }

  public CasBackend updateCasBackend(String name, UpdateCasBackendRequest changes) {
    return send(UPDATE_CAS_BACKEND.call(name).json(changes));
  }

  public void deleteCasBackend(String name) {
    send(DELETE_CAS_BACKEND.call(name));
  }

  public void deleteRegisteredIntegration(String name) {
    send(DELETE_REGISTERED_INTEGRATION.call(name));
  }

  /** Attachments, of one workflow when {@code workflow} is not empty. */
  public List<AttachedIntegration> attachedIntegrations(String workflow, String project) {
    return send(LIST_ATTACHED_INTEGRATIONS
            .call()
            .query("workflow", workflow)
            .query("project", project))
        .items();
  }

  public AttachedIntegration attachIntegration(AttachIntegrationRequest request) {
    return send(ATTACH_INTEGRATION.call().json(request));
  }

  public void detachIntegration(String id) {
    send(DETACH_INTEGRATION.call(id));
  }

  public List<IntegrationDelivery> integrationDeliveries(String status, int limit) {
    return send(LIST_INTEGRATION_DELIVERIES.call().query("status", status).query("limit", limit))
        .items();
  }

  public PolicyApplied applyPolicy(ApplyPolicyRequest document) {
    return send(APPLY_POLICY.call().json(document));
  }

  public List<Policy> policyGroups() {
    return send(LIST_POLICY_GROUPS.call()).items();
  }

  /** A policy group with one revision; 0 is the latest. */
  public Policy policyGroup(String name, int revision) {
    return send(DESCRIBE_POLICY_GROUP.call(name).query("revision", revision));
  }

  public void deletePolicyGroup(String name) {
    send(DELETE_POLICY_GROUP.call(name));
  }

  public PolicyApplied applyPolicyGroup(ApplyPolicyRequest document) {
    return send(APPLY_POLICY_GROUP.call().json(document));
  }

  /** Runs newest first; the filters and {@code next} cursor apply when not empty. */
  public RunPage runs(
      String workflow,
      String project,
      String version,
      String status,
      String policyStatus,
      String next,
      int limit) {
    return send(
        LIST_WORKFLOW_RUNS
            .call()
            .query("workflow", workflow)
            .query("project", project)
            .query("version", version)
            .query("status", status)
            .query("policyStatus", policyStatus)
            .query("next", next)
            .query("limit", limit));
  }

  public RunDetails run(String id, boolean verify) {
    return send(DESCRIBE_WORKFLOW_RUN.call(id).query("verify", verify ? true : null));
  }

  public RunDetails runByDigest(String digest, boolean verify) {
    return send(DESCRIBE_WORKFLOW_RUN_BY_DIGEST.call(digest).query("verify", verify ? true : null));
  }

  public AttestationInit initAttestation(InitRequest run) {
    return send(INIT_ATTESTATION.call().json(run));
  }

  public void cancelAttestation(String runId, CancelRequest reason) {
    send(CANCEL_ATTESTATION.call(runId).json(reason));
  }

  public RemoteState attestationState(String runId) {
    return send(READ_ATTESTATION_STATE.call(runId));
  }

  /** Fails with 409 when the remote state is no longer the one of {@code baseDigest}. */
  public void saveAttestationState(String runId, SaveStateRequest state) {
    send(SAVE_ATTESTATION_STATE.call(runId).json(state));
  }

  /**
   * Stores the signed Sigstore bundle as its exact bytes; {@code bypassPolicyCheck} pushes it
   * despite blocking policy violations; {@code publicKey} (base64 DER, null for keyless bundles) is
   * the key a key-signed bundle names by its hint.
   */
  public Stored storeAttestation(
      String runId, byte[] bundle, boolean bypassPolicyCheck, String publicKey) {
    return send(
        STORE_ATTESTATION
            .call(runId)
            .query("bypassPolicyCheck", bypassPolicyCheck ? Boolean.TRUE : null)
            .query("publicKey", publicKey)
            .jsonBytes(bundle));
  }

  /** The contract's policies on one material of the open run; nothing is recorded. */
  public MaterialEvaluations evaluateMaterialPolicies(String runId, JsonObject material) {
    return send(EVALUATE_MATERIAL_POLICIES.call(runId).json(new EvaluateMaterialRequest(material)));
  }

  public CertificateChain signingCertificate(CertificateRequest request) {
    return send(GENERATE_SIGNING_CERTIFICATE.call().json(request));
  }

  /** An RFC 3161 TimeStampResp (DER) for a TimeStampReq (DER) from the control plane's TSA. */
  public byte[] timestamp(byte[] timeStampRequest) {
    return http.receive(TIMESTAMP.call().binary(timeStampRequest).request());
  }

  public TrustedRoot trustedRoot() {
    return send(GET_TRUSTED_ROOT.call());
  }

  /** The CA and timestamp authorities as a Sigstore TrustedRoot document. */
  public SigstoreTrustedRoot sigstoreTrustedRoot() {
    return send(GET_SIGSTORE_TRUSTED_ROOT.call());
  }

  /** Streams {@code file} to the CAS under its {@code digest} ({@code sha256:<hex>}). */
  public void uploadArtifact(String digest, Path file) throws FileNotFoundException {
    send(UPLOAD_ARTIFACT.call(digest).file(file));
  }

  /** Streams the artifact into {@code sink}; answers the bytes copied. */
  public long downloadArtifact(String digest, OutputStream sink) {
    return http.download(DOWNLOAD_ARTIFACT.call(digest).request(), sink);
  }

  /** What references a digest; {@code kind} and the {@code next} cursor apply when not empty. */
  public Referrer discover(String digest, String kind, int limit, String next) {
    return send(
        DISCOVER_DIGEST.call(digest).query("kind", kind).query("limit", limit).query("next", next));
  }
}
