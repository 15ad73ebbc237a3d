package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The CI job whose OIDC identity started a run (federated credentials only). */
@ApiSchema("CiJob")
public final class CiJob extends ApiObject {
  public CiJob(JsonObject json) {
    super(json);
  }

  public String issuer() {
    return string("issuer");
  }

  public String subject() {
    return string("subject");
  }

  public String repository() {
    return string("repository");
  }

  public String ref() {
    return string("ref");
  }

  public String workflow() {
    return string("workflow");
  }

  public String runId() {
    return string("runId");
  }
}
