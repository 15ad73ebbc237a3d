package dev.chainloop.ee.policy;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One policy's verdict on one material, or on the statement: what push answers, what the run stores
 * and what describe shows, in one shape.
 */
@JsonbPropertyOrder({
  "policy",
  "revision",
  "group",
  "gate",
  "material",
  "inputs",
  "violations",
  "skipped",
  "skipReason"
})
public record PolicyEvaluation(
    String policy,
    int revision,
    @Schema(description = "The policy group the policy came from; absent when attached directly")
        String group,
    boolean gate,
    @Schema(description = "The material evaluated; absent for attestation policies")
        String material,
    Map<String, String> inputs,
    List<String> violations,
    boolean skipped,
    String skipReason) {}
