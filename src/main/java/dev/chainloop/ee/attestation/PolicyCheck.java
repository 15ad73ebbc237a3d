package dev.chainloop.ee.attestation;

import dev.chainloop.ee.artifact.ArtifactService;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyAttachment;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyTarget;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.json.BoundedJson;
import dev.chainloop.ee.policy.MaterialContent;
import dev.chainloop.ee.policy.PolicyCompilations;
import dev.chainloop.ee.policy.PolicyEngine;
import dev.chainloop.ee.policy.PolicyEvaluation;
import dev.chainloop.ee.policy.PolicyInputs;
import dev.chainloop.ee.policy.PolicyRefusals;
import dev.chainloop.ee.policy.PolicyService;
import dev.chainloop.ee.run.PolicyResults;
import dev.chainloop.ee.run.PolicyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the policies a contract revision attaches on a verified statement, on the server, where
 * the result is authoritative: each material policy on the content of every material of a kind it
 * has a rule for (inline, or read back from the artifact store), each attestation policy on the
 * whole statement. A material that cannot be read is a violation, never a pass.
 */
@ApplicationScoped
public class PolicyCheck {
  @Inject PolicyService policies;
  @Inject PolicyCompilations compilations;
  @Inject ArtifactService artifacts;

  /** Every result, with the decision they lead to under the organization's strategy. */
  public record Outcome(
      List<PolicyEvaluation> results, boolean blocking, List<String> blockingViolations) {
    public PolicyStatus status(boolean bypassed) {
      if (blocking) {
        return bypassed ? PolicyStatus.BYPASSED : PolicyStatus.FAILED;
      }
      return results.stream().anyMatch(r -> !r.violations().isEmpty())
          ? PolicyStatus.FAILED
          : PolicyStatus.PASSED;
    }
  }

  private record Subject(String name, String kind, Map<String, String> metadata, Object content) {}

  /** Evaluates {@code contract}'s policies on {@code statement} (the in-toto JSON). */
  public Outcome evaluate(List<PolicyAttachment> attached, JsonObject statement, boolean enforced) {
    List<PolicyEvaluation> results = new ArrayList<>();
    List<Subject> materials = null;
    for (PolicyAttachment a : attached) {
      PolicyService.Resolved policy =
          policies
              .resolve(a.ref())
              .orElseThrow(
                  () ->
                      new UnknownResourceException(
                          "policy \"" + a.ref() + "\" attached by the contract no longer exists"));
      Map<String, String> inputs =
          PolicyRefusals.asInvalidInput(
              () -> PolicyInputs.resolve(policy.compiled().document(), a.with()));
      if (a.target() == PolicyTarget.ATTESTATION) {
        Object content = MaterialContent.json(statement.toString());
        var verdict =
            compilations.evaluate(policy.compiled(), "ATTESTATION", content, Map.of(), inputs);
        results.add(result(policy, a, null, inputs, verdict));
        continue;
      }
      if (materials == null) {
        materials = new ArrayList<>();
        for (JsonObject m : materialsOf(statement)) {
          materials.add(subject(m));
        }
      }
      boolean any = false;
      for (Subject m : materials) {
        if (a.selectorName() != null && !a.selectorName().equals(m.name())) {
          continue;
        }
        if (policy.compiled().document().rulesFor(m.kind()).isEmpty()) {
          continue;
        }
        any = true;
        PolicyEngine.Verdict verdict =
            m.content() instanceof Unreadable u
                ? new PolicyEngine.Verdict(List.of(u.reason()), false, null)
                : compilations.evaluate(
                    policy.compiled(), m.kind(), m.content(), m.metadata(), inputs);
        results.add(result(policy, a, m.name(), inputs, verdict));
      }
      if (!any) {
        results.add(
            result(
                policy,
                a,
                a.selectorName(),
                inputs,
                PolicyEngine.Verdict.skip(
                    "no material "
                        + (a.selectorName() == null ? "" : "named " + a.selectorName() + " ")
                        + "of a kind the policy applies to")));
      }
    }
    List<String> blocking = new ArrayList<>();
    for (PolicyEvaluation r : results) {
      if ((r.gate() || enforced) && !r.violations().isEmpty()) {
        for (String v : r.violations()) {
          blocking.add(r.policy() + (r.material() == null ? "" : " on " + r.material()) + ": " + v);
        }
      }
    }
    return new Outcome(List.copyOf(results), !blocking.isEmpty(), List.copyOf(blocking));
  }

  /**
   * The material policies of {@code attached} on one material (a statement's material descriptor),
   * for early feedback at {@code attestation add}: the same evaluation as at push, which stays the
   * authoritative one. Only results about this material are returned.
   */
  public List<PolicyEvaluation> evaluateMaterial(
      List<PolicyAttachment> attached, JsonObject material) {
    String name = subjectName(material);
    JsonObject statement =
        Json.createObjectBuilder()
            .add(
                "predicate",
                Json.createObjectBuilder()
                    .add("materials", Json.createArrayBuilder().add(material)))
            .build();
    List<PolicyAttachment> materialPolicies =
        attached.stream().filter(a -> a.target() != PolicyTarget.ATTESTATION).toList();
    return evaluate(materialPolicies, statement, false).results().stream()
        .filter(r -> name.equals(r.material()))
        .toList();
  }

  /** The results as stored with the run. */
  public static String toJson(Outcome outcome, boolean enforced, boolean bypassed) {
    return new PolicyResults(
            enforced ? "ENFORCED" : "ADVISORY",
            outcome.status(bypassed).name(),
            bypassed,
            outcome.results())
        .toJson();
  }

  private static PolicyEvaluation result(
      PolicyService.Resolved policy,
      PolicyAttachment a,
      String material,
      Map<String, String> inputs,
      PolicyEngine.Verdict verdict) {
    return new PolicyEvaluation(
        policy.name(),
        policy.revision(),
        a.group(),
        a.gate(),
        material,
        inputs,
        verdict.violations(),
        verdict.skipped(),
        verdict.skipReason());
  }

  private record Unreadable(String reason) {}

  private Subject subject(JsonObject m) {
    JsonObject ann = m.get("annotations") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    String kind = text(ann, "chainloop.material.type").orElse("");
    String name = subjectName(m);
    String digest =
        m.get("digest") instanceof JsonObject d && d.get("sha256") instanceof JsonString s
            ? "sha256:" + s.getString()
            : "";
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("kind", kind);
    metadata.put("value", text(m, "name").orElse(""));
    metadata.put("digest", digest);
    // the material's own annotations (as att add --annotation set them) and what the CLI found
    // at the registry (chainloop.material.signature.digest, ...), for policies such as
    // artifact-signed; the type and name are the fields above
    ann.forEach(
        (key, value) -> {
          boolean recorded =
              key.startsWith("chainloop.material.")
                  && !key.equals("chainloop.material.type")
                  && !key.equals("chainloop.material.name");
          if ((recorded || !key.startsWith("chainloop.")) && value instanceof JsonString v) {
            metadata.put("annotations." + key, v.getString());
          }
        });
    Object content;
    try {
      byte[] bytes = null;
      if (m.get("content") instanceof JsonString c) {
        bytes = Base64.getDecoder().decode(c.getString());
      } else if (JsonValue.TRUE.equals(ann.get("chainloop.material.cas"))) {
        bytes = read(digest);
      }
      content = bytes == null ? Map.of() : MaterialContent.parse(kind, bytes);
    } catch (IllegalArgumentException | UnknownResourceException e) {
      content = new Unreadable("material " + name + " cannot be read: " + e.getMessage());
    }
    return new Subject(name, kind, metadata, content);
  }

  private static String subjectName(JsonObject m) {
    JsonObject ann = m.get("annotations") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    return text(ann, "chainloop.material.name").orElse(text(m, "name").orElse(""));
  }

  private byte[] read(String digest) {
    ArtifactService.Content c = artifacts.download(digest);
    if (c.size() > MaterialContent.MAX_BYTES) {
      throw new IllegalArgumentException("over " + MaterialContent.MAX_BYTES + " bytes");
    }
    try (InputStream in = c.stream()) {
      return in.readNBytes(MaterialContent.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonObject> materialsOf(JsonObject statement) {
    List<JsonObject> out = new ArrayList<>();
    if (statement.get("predicate") instanceof JsonObject p
        && p.get("materials") instanceof JsonArray ms) {
      for (JsonValue v : ms) {
        if (v instanceof JsonObject o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** The statement a verified bundle carries. */
  static JsonObject statementOf(byte[] bundle) {
    JsonObject envelope = BoundedJson.readObject(bundle).getJsonObject("dsseEnvelope");
    return BoundedJson.readObject(Base64.getDecoder().decode(envelope.getString("payload")));
  }

  private static Optional<String> text(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }
}
