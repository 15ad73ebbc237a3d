package dev.chainloop.ee.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A policy in Chainloop's document shape ({@code apiVersion: workflowcontract.chainloop.dev/v1},
 * {@code kind: Policy}) whose rules are CEL expressions instead of Rego. Each rule applies to one
 * material kind ({@code ATTESTATION} for the whole statement) and evaluates to the list of its
 * violations, empty when the policy passes.
 */
public record PolicyDocument(
    String name, String description, List<Input> inputs, List<Rule> rules) {
  public static final String API_VERSION = "workflowcontract.chainloop.dev/v1";

  /** Policies are small documents; this also bounds what a tenant can make the server parse. */
  static final int MAX_BODY_CHARS = 64 * 1024;

  static final int MAX_RULES = 16;
  static final int MAX_INPUTS = 32;

  private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  static final Pattern KIND = Pattern.compile("^[A-Z][A-Z0-9_]{0,62}$");
  private static final Pattern INPUT_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");

  /** A declared input; {@code defaultValue} is used when a contract does not set it. */
  public record Input(String name, String description, boolean required, String defaultValue) {}

  /** The CEL program for one material kind. */
  public record Rule(String kind, String cel) {}

  /** The rules that apply to {@code kind}. */
  public List<Rule> rulesFor(String kind) {
    return rules.stream().filter(r -> r.kind().equals(kind)).toList();
  }

  /** Parses and validates {@code body} (YAML or JSON); every problem listed otherwise. */
  public static PolicyDocument parse(String body) {
    Map<?, ?> doc = load(body, "policy");
    List<PolicyProblem> violations = new ArrayList<>();
    if (!API_VERSION.equals(doc.get("apiVersion"))) {
      violations.add(new PolicyProblem("apiVersion", "must be " + API_VERSION));
    }
    if (!"Policy".equals(doc.get("kind"))) {
      violations.add(new PolicyProblem("kind", "must be Policy"));
    }
    Header header = header(doc, violations);
    Map<?, ?> spec = doc.get("spec") instanceof Map<?, ?> m ? m : Map.of();
    List<Input> inputs = inputs(spec.get("inputs"), violations);
    List<Rule> rules = rules(spec.get("policies"), violations);
    refuse("policy", violations);
    return new PolicyDocument(header.name(), header.description(), inputs, rules);
  }

  /** {@code metadata.name} and {@code metadata.description} of a policy or group document. */
  record Header(String name, String description) {}

  /**
   * The YAML or JSON object of a policy or policy group ({@code what}), size and nesting bounded.
   */
  static Map<?, ?> load(String body, String what) {
    if (body == null || body.isBlank()) {
      throw new InvalidPolicyException(what, "the " + what + " body is empty");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new InvalidPolicyException(
          what, "the " + what + " body is over " + MAX_BODY_CHARS + " characters");
    }
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      options.setNestingDepthLimit(20);
      root = new Yaml(new SafeConstructor(options)).load(body);
    } catch (YAMLException e) {
      throw new InvalidPolicyException(what, "not valid YAML or JSON: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> doc)) {
      throw new InvalidPolicyException(what, "the " + what + " must be a YAML or JSON object");
    }
    return doc;
  }

  static Header header(Map<?, ?> doc, List<PolicyProblem> violations) {
    Map<?, ?> metadata = doc.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String name = text(metadata.get("name")).orElse("");
    if (name.isEmpty()) {
      violations.add(new PolicyProblem("metadata.name", "is required"));
    } else if (!validName(name)) {
      violations.add(
          new PolicyProblem(
              "metadata.name",
              "\""
                  + name
                  + "\" is not a valid name: use at most 63 lower-case letters, digits and '-'"));
    }
    return new Header(name, text(metadata.get("description")).orElse(null));
  }

  static boolean validName(String name) {
    return name.length() <= 63 && NAME.matcher(name).matches();
  }

  /** Refuses the document, listing every problem, when there is any. */
  static void refuse(String what, List<PolicyProblem> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidPolicyException(
          "invalid "
              + what
              + ": "
              + violations.stream()
                  .map(v -> v.field() + ": " + v.message())
                  .collect(Collectors.joining("; ")),
          List.copyOf(violations));
    }
  }

  static List<Input> inputs(Object node, List<PolicyProblem> violations) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      violations.add(new PolicyProblem("spec.inputs", "must be a list"));
      return List.of();
    }
    if (list.size() > MAX_INPUTS) {
      violations.add(new PolicyProblem("spec.inputs", "at most " + MAX_INPUTS + " inputs"));
      return List.of();
    }
    Map<String, Input> out = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String f = "spec.inputs[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        violations.add(new PolicyProblem(f, "must be an object"));
        continue;
      }
      String n = text(m.get("name")).orElse("");
      if (!INPUT_NAME.matcher(n).matches()) {
        violations.add(new PolicyProblem(f + ".name", "must be letters, digits or '_'"));
        continue;
      }
      Object def = m.get("default");
      String defaultValue = def == null ? null : PolicyInputs.asText(def);
      if (defaultValue != null && defaultValue.length() > PolicyInputs.MAX_VALUE_CHARS) {
        violations.add(
            new PolicyProblem(
                f + ".default", "over " + PolicyInputs.MAX_VALUE_CHARS + " characters"));
      }
      if (out.put(
              n,
              new Input(
                  n,
                  text(m.get("description")).orElse(null),
                  Boolean.TRUE.equals(m.get("required")),
                  defaultValue))
          != null) {
        violations.add(new PolicyProblem(f + ".name", "duplicate input \"" + n + "\""));
      }
    }
    return List.copyOf(out.values());
  }

  private static List<Rule> rules(Object node, List<PolicyProblem> violations) {
    if (!(node instanceof List<?> list) || list.isEmpty()) {
      violations.add(new PolicyProblem("spec.policies", "must list at least one {kind, cel} rule"));
      return List.of();
    }
    if (list.size() > MAX_RULES) {
      violations.add(new PolicyProblem("spec.policies", "at most " + MAX_RULES + " rules"));
      return List.of();
    }
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String f = "spec.policies[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        violations.add(new PolicyProblem(f, "must be an object"));
        continue;
      }
      String kind = text(m.get("kind")).orElse("");
      if (!KIND.matcher(kind).matches()) {
        violations.add(
            new PolicyProblem(
                f + ".kind", "must be a material kind, or ATTESTATION for the statement"));
      }
      if (m.containsKey("embedded") || m.containsKey("path")) {
        violations.add(
            new PolicyProblem(
                f,
                "Rego policies (embedded/path) cannot run on this server: write the rule as a"
                    + " CEL expression in \"cel\""));
        continue;
      }
      String cel = text(m.get("cel")).orElse("");
      if (cel.isBlank()) {
        violations.add(new PolicyProblem(f + ".cel", "is required: a CEL expression"));
      } else if (looksLikeRego(cel)) {
        violations.add(
            new PolicyProblem(
                f + ".cel", "this is Rego, which cannot run on this server: write it in CEL"));
      } else {
        out.add(new Rule(kind, cel));
      }
    }
    return out;
  }

  static boolean looksLikeRego(String text) {
    return text.lines().map(String::strip).anyMatch(l -> l.startsWith("package "));
  }

  static Optional<String> text(Object value) {
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
