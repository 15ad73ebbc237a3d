package dev.chainloop.ee.cli.client.model;

/** Organization settings to change. Null components are left out of the body. */
@ApiSchema("UpdateOrganizationRequest")
public record UpdateOrganizationRequest(
    Integer apiTokenMaxDaysInactive,
    String apiTokenMaxLifetime,
    Boolean blockOnPolicyViolation,
    Boolean blockAttestationsOnReleasedVersions) {}
