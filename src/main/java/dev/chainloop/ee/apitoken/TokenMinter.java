package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.platform.security.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Signs the JWT of a newly created token. Its claims repeat the row's scope so that {@link
 * ApiTokenAuthenticator} can tell a tampered or mismatched token from the row on every request.
 */
@ApplicationScoped
public class TokenMinter {
  @Inject TokenIssuer issuer;

  String mint(ApiToken token, String organizationName) {
    Map<String, String> claims = new HashMap<>();
    claims.put("org_id", token.getOrganizationId());
    claims.put("org_name", organizationName);
    claims.put("token_name", token.getName());
    claims.put("project_id", token.getProjectId());
    claims.put("project_name", token.getProjectName());
    claims.put("workflow_id", token.getWorkflowId());
    return issuer.issue(
        token.getKind(), token.getId(), null, token.getCreatedAt(), token.getExpiresAt(), claims);
  }
}
