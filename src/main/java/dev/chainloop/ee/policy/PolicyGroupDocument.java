package dev.chainloop.ee.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A policy group in upstream's shape ({@code kind: PolicyGroup}): named sets of policies, per
 * material ({@code spec.policies.materials[]}, each with an optional material {@code name} and its
 * {@code policies}) and on the whole attestation ({@code spec.policies.attestation[]}), sharing the
 * group's {@code spec.inputs}. A member policy's {@code with} values and a material's name may
 * refer to the group's inputs as {@code {{ inputs.NAME }}}.
 */
public record PolicyGroupDocument(
    String name,
    String description,
    List<PolicyDocument.Input> inputs,
    List<GroupMaterial> materials,
    List<Member> attestation) {
  static final Set<String> API_VERSIONS = Set.of("chainloop.dev/v1", PolicyDocument.API_VERSION);
  static final int MAX_MEMBERS = 32;

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*\\.?inputs\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  /** A policy of the group, by name, with the inputs it runs with and its own gate. */
  public record Member(String ref, Map<String, String> with, boolean gate) {}

  /**
   * The policies applied to the materials named {@code name} (every material of a kind they have a
   * rule for when absent); {@code type} documents the material's kind, as upstream's.
   */
  public record GroupMaterial(String type, String name, boolean optional, List<Member> policies) {}

  /**
   * One policy of the group as it applies under given group inputs: on the statement, or on the
   * materials named {@code materialName} (any when null), with its inputs' placeholders filled.
   */
  public record Applied(
      boolean attestation,
      String materialName,
      String ref,
      Map<String, String> with,
      boolean gate) {}

  /**
   * The group's policies with {@code args} (its resolved inputs) filled into their placeholders.
   */
  public List<Applied> apply(Map<String, String> args) {
    List<Applied> out = new ArrayList<>();
    for (GroupMaterial m : materials) {
      String materialName = m.name() == null ? null : fill(m.name(), args);
      for (Member p : m.policies()) {
        out.add(
            new Applied(
                false,
                materialName == null || materialName.isEmpty() ? null : materialName,
                p.ref(),
                fill(p.with(), args),
                p.gate()));
      }
    }
    for (Member p : attestation) {
      out.add(new Applied(true, null, p.ref(), fill(p.with(), args), p.gate()));
    }
    return out;
  }

  /** The names of the group's policies, for a contract's {@code skip}. */
  public Set<String> policyNames() {
    Set<String> names = new LinkedHashSet<>();
    materials.forEach(m -> m.policies().forEach(p -> names.add(p.ref())));
    attestation.forEach(p -> names.add(p.ref()));
    return names;
  }

  /** The group's inputs as a policy's, so that {@link PolicyInputs#resolve} checks them alike. */
  public PolicyDocument asInputs() {
    return new PolicyDocument("group " + name, description, inputs, List.of());
  }

  /** Parses and validates {@code body}; a 400 listing every problem otherwise. */
  public static PolicyGroupDocument parse(String body) {
    Map<?, ?> doc = PolicyDocument.load(body, "policy group");
    List<PolicyProblem> violations = new ArrayList<>();
    if (!API_VERSIONS.contains(doc.get("apiVersion"))) {
      violations.add(
          new PolicyProblem(
              "apiVersion", "must be chainloop.dev/v1 or " + PolicyDocument.API_VERSION));
    }
    if (!"PolicyGroup".equals(doc.get("kind"))) {
      violations.add(new PolicyProblem("kind", "must be PolicyGroup"));
    }
    PolicyDocument.Header header = PolicyDocument.header(doc, violations);
    Map<?, ?> spec = doc.get("spec") instanceof Map<?, ?> m ? m : Map.of();
    List<PolicyDocument.Input> inputs = PolicyDocument.inputs(spec.get("inputs"), violations);
    Set<String> declared =
        inputs.stream().map(PolicyDocument.Input::name).collect(Collectors.toSet());
    Map<?, ?> policies = Map.of();
    if (spec.get("policies") instanceof Map<?, ?> p) {
      policies = p;
    } else if (spec.get("policies") != null) {
      violations.add(
          new PolicyProblem("spec.policies", "must be an object: materials, attestation"));
    }
    for (Object key : policies.keySet()) {
      if (!"materials".equals(key) && !"attestation".equals(key)) {
        violations.add(
            new PolicyProblem("spec.policies." + key, "unknown key: use materials or attestation"));
      }
    }
    List<GroupMaterial> materials = materials(policies.get("materials"), declared, violations);
    List<Member> attestation =
        members(policies.get("attestation"), "spec.policies.attestation", declared, violations);
    int count = attestation.size() + materials.stream().mapToInt(m -> m.policies().size()).sum();
    if (count == 0) {
      violations.add(
          new PolicyProblem(
              "spec.policies", "must attach at least one policy to materials or attestation"));
    } else if (count > MAX_MEMBERS) {
      violations.add(new PolicyProblem("spec.policies", "at most " + MAX_MEMBERS + " policies"));
    }
    PolicyDocument.refuse("policy group", violations);
    return new PolicyGroupDocument(
        header.name(), header.description(), inputs, materials, attestation);
  }

  private static List<GroupMaterial> materials(
      Object node, Set<String> declared, List<PolicyProblem> violations) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      violations.add(new PolicyProblem("spec.policies.materials", "must be a list"));
      return List.of();
    }
    List<GroupMaterial> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String f = "spec.policies.materials[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        violations.add(new PolicyProblem(f, "must be an object"));
        continue;
      }
      String type = PolicyDocument.text(m.get("type")).orElse(null);
      if (type != null && !PolicyDocument.KIND.matcher(type).matches()) {
        violations.add(new PolicyProblem(f + ".type", "must be a material kind"));
      }
      String name = PolicyDocument.text(m.get("name")).orElse(null);
      if (name != null && !name.isEmpty()) {
        if (type == null) {
          violations.add(
              new PolicyProblem(f + ".type", "is required when the material has a name"));
        }
        placeholders(name, f + ".name", declared, violations);
      }
      out.add(
          new GroupMaterial(
              type,
              name,
              Boolean.TRUE.equals(m.get("optional")),
              members(m.get("policies"), f + ".policies", declared, violations)));
    }
    return out;
  }

  private static List<Member> members(
      Object node, String field, Set<String> declared, List<PolicyProblem> violations) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      violations.add(new PolicyProblem(field, "must be a list"));
      return List.of();
    }
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String f = field + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        violations.add(new PolicyProblem(f, "must be an object"));
        continue;
      }
      if (m.containsKey("embedded") || m.containsKey("path")) {
        violations.add(
            new PolicyProblem(
                f,
                "Rego policies (embedded/path) cannot run on this server: apply a kind: Policy"
                    + " document with CEL rules and refer to it by ref"));
        continue;
      }
      String ref = PolicyDocument.text(m.get("ref")).orElse("");
      if (ref.startsWith("chainloop://")) {
        ref = ref.substring("chainloop://".length());
      }
      if (ref.startsWith("file://") || ref.contains("://")) {
        violations.add(
            new PolicyProblem(f + ".ref", "must name a policy of the organization or the library"));
        continue;
      }
      if (!PolicyDocument.validName(ref)) {
        violations.add(new PolicyProblem(f + ".ref", "is required: the name of a policy"));
        continue;
      }
      Map<String, String> with = new LinkedHashMap<>();
      if (m.get("with") instanceof Map<?, ?> w) {
        w.forEach(
            (k, v) -> {
              String value = v == null ? "" : PolicyInputs.asText(v);
              placeholders(value, f + ".with." + k, declared, violations);
              with.put(String.valueOf(k), value);
            });
      } else if (m.get("with") != null) {
        violations.add(new PolicyProblem(f + ".with", "must be an object of input values"));
      }
      out.add(new Member(ref, Map.copyOf(with), Boolean.TRUE.equals(m.get("gate"))));
    }
    return out;
  }

  /** Placeholders must be {@code {{ inputs.NAME }}} of a declared input. */
  private static void placeholders(
      String text, String field, Set<String> declared, List<PolicyProblem> violations) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!declared.contains(m.group(1))) {
        violations.add(
            new PolicyProblem(
                field, "refers to \"" + m.group(1) + "\", not an input of the group"));
      }
    }
    if (m.replaceAll("").contains("{{")) {
      violations.add(
          new PolicyProblem(field, "only {{ inputs.NAME }} placeholders can be used in a group"));
    }
  }

  private static String fill(String text, Map<String, String> args) {
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(r -> Matcher.quoteReplacement(args.getOrDefault(r.group(1), "")));
  }

  private static Map<String, String> fill(Map<String, String> with, Map<String, String> args) {
    // As upstream's: a value whose placeholders fill to nothing is not set, so the default applies.
    Map<String, String> out = new LinkedHashMap<>();
    with.forEach(
        (k, v) -> {
          String value = fill(v, args);
          if (!value.isEmpty()) {
            out.put(k, value);
          }
        });
    return out;
  }
}
