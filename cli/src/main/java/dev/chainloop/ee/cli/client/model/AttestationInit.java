package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A started workflow run: what the attestation is crafted against. */
@ApiSchema("InitResponse")
public final class AttestationInit extends ApiObject {
  public AttestationInit(JsonObject json) {
    super(json);
  }

  public String attestationId() {
    return string("attestationId");
  }

  public WorkflowInfo workflow() {
    return object("workflow", WorkflowInfo::new);
  }

  public String organization() {
    return string("organization");
  }

  public String contractName() {
    return string("contractName");
  }

  public Optional<Integer> contractRevision() {
    return int32("contractRevision");
  }

  public List<MaterialSpec> materials() {
    return objects("materials", MaterialSpec::new);
  }

  public List<AnnotationSpec> annotations() {
    return objects("annotations", AnnotationSpec::new);
  }

  public List<String> envAllowList() {
    return strings("envAllowList");
  }

  /** Empty unless a federated credential started the run. */
  public CiJob ciIdentity() {
    return object("ciIdentity", CiJob::new);
  }

  public Optional<Instant> initializedAt() {
    return instant("initializedAt");
  }
}
