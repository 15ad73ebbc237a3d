package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Materials;
import dev.chainloop.ee.cli.commands.attestation.Uploads;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.policy.InvalidPolicyException;
import dev.chainloop.ee.policy.MaterialContent;
import dev.chainloop.ee.policy.PolicyDocument;
import dev.chainloop.ee.policy.PolicyEngine;
import dev.chainloop.ee.policy.PolicyInputs;
import dev.chainloop.ee.policy.PolicyProblem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's policy engine (../src/main/java/dev/chainloop/ee/policy) run on local files for
 * {@code policy develop}: the same parsing, compilation, inputs and evaluation, so a policy author
 * sees what a push would record. Only the {@code policy develop} commands reach this class, so CEL
 * loads for them alone.
 */
final class LocalPolicies {
  private LocalPolicies() {}

  /** Every problem {@code policy develop lint} reports: empty when the policy is valid. */
  static List<String> lint(Path policy) {
    try {
      PolicyEngine.compile(PolicyDocument.parse(read(policy)));
      return List.of();
    } catch (InvalidPolicyException e) {
      return e.problems().isEmpty()
          ? List.of(e.getMessage())
          : e.problems().stream().map(LocalPolicies::issue).toList();
    }
  }

  /**
   * {@code policy develop eval}: the verdict, in upstream's shape ({@code result.violations,
   * skip_reasons, skipped}).
   */
  static JsonObject eval(
      Path policyFile,
      String materialValue,
      String kindFlag,
      Map<String, String> inputs,
      Map<String, String> annotations) {
    try {
      PolicyEngine.CompiledPolicy policy =
          PolicyEngine.compile(PolicyDocument.parse(read(policyFile)));
      String kind =
          kindFlag.isBlank()
              ? Materials.detect(materialValue, false)
              : Materials.normalizeKind(kindFlag);
      byte[] bytes = materialBytes(materialValue, kind);
      Object content =
          kind.equals("ATTESTATION")
              ? MaterialContent.json(statement(bytes))
              : MaterialContent.parse(kind, bytes);
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put("name", String.valueOf(Path.of(materialValue).getFileName()));
      metadata.put("kind", kind);
      metadata.put("value", materialValue);
      Path file = Path.of(materialValue);
      metadata.put(
          "digest",
          Files.isRegularFile(file) ? Uploads.sha256(file) : Uploads.sha256(materialValue));
      metadata.putAll(annotations);
      PolicyEngine.Verdict verdict =
          new PolicyEngine()
              .evaluate(
                  policy, kind, content, metadata, PolicyInputs.resolve(policy.document(), inputs));
      JsonArrayBuilder violations = Json.createArrayBuilder();
      verdict.violations().forEach(violations::add);
      JsonArrayBuilder skipReasons = Json.createArrayBuilder();
      if (verdict.skipReason() != null) {
        skipReasons.add(verdict.skipReason());
      }
      return Json.createObjectBuilder()
          .add(
              "result",
              Json.createObjectBuilder()
                  .add("violations", violations)
                  .add("skip_reasons", skipReasons)
                  .add("skipped", verdict.skipped()))
          .build();
    } catch (InvalidPolicyException e) {
      throw new CliException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliException("material " + materialValue + ": " + e.getMessage());
    }
  }

  /** A STRING material may be given as its value when no file of that name exists. */
  private static byte[] materialBytes(String value, String kind) {
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      if (kind.equals("STRING")) {
        return value.getBytes(StandardCharsets.UTF_8);
      }
      throw new UsageException("--material " + value + ": no such file");
    }
    try {
      if (Files.size(file) > MaterialContent.MAX_BYTES) {
        throw new CliException(
            "material " + value + " is over " + MaterialContent.MAX_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException("cannot read " + value, e);
    }
  }

  /** An attestation policy reads the statement: from a Sigstore bundle, or a bare statement. */
  private static String statement(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.contains("\"dsseEnvelope\"") ? Bundles.statement(bytes).toString() : text;
  }

  private static String read(Path policy) {
    try {
      return Files.readString(policy);
    } catch (IOException e) {
      throw new CliException("cannot read the policy " + policy, e);
    }
  }

  private static String issue(PolicyProblem p) {
    return p.field() + ": " + p.message();
  }
}
