package dev.chainloop.ee.shared;

import java.util.List;

/**
 * The material kinds of upstream Chainloop's contract schema: the contract parser accepts exactly
 * these in {@code materials[].type}, and the CLI's {@code attestation add --kind} offers them.
 */
public final class MaterialKinds {
  /** The 42 kinds, in upstream's order. */
  public static final List<String> ALL =
      List.of(
          "STRING",
          "CONTAINER_IMAGE",
          "ARTIFACT",
          "SBOM_CYCLONEDX_JSON",
          "SBOM_SPDX_JSON",
          "JUNIT_XML",
          "OPENVEX",
          "CSAF_VEX",
          "SARIF",
          "HELM_CHART",
          "EVIDENCE",
          "ATTESTATION",
          "CSAF_INFORMATIONAL_ADVISORY",
          "CSAF_SECURITY_ADVISORY",
          "CSAF_SECURITY_INCIDENT_RESPONSE",
          "GITLAB_SECURITY_REPORT",
          "ZAP_DAST_ZIP",
          "BLACKDUCK_SCA_JSON",
          "TWISTCLI_SCAN_JSON",
          "GHAS_CODE_SCAN",
          "GHAS_SECRET_SCAN",
          "GHAS_DEPENDENCY_SCAN",
          "JACOCO_XML",
          "SLSA_PROVENANCE",
          "CHAINLOOP_RUNNER_CONTEXT",
          "CHAINLOOP_PR_INFO",
          "GITLEAKS_JSON",
          "CHAINLOOP_AI_AGENT_CONFIG",
          "CHAINLOOP_AI_CODING_SESSION",
          "OPENAPI_SPEC",
          "ASYNCAPI_SPEC",
          "GRAPHQL_SPEC",
          "YELP_DETECT_SECRETS_BASELINE",
          "SYSINTERNALS_SIGCHECK",
          "SYSINTERNALS_ACCESSCHK",
          "CERTCC_DRANZER",
          "OSSF_SCORECARD_JSON",
          "RADAMSA_REPORT",
          "RADAMSA_CRASHES",
          "TRUFFLEHOG_JSON",
          "COBERTURA_XML",
          "CHECKMARX_JSON");

  private MaterialKinds() {}
}
