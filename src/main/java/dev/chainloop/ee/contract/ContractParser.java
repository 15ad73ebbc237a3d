package dev.chainloop.ee.contract;

import dev.chainloop.ee.contract.ContractRevisionView.AnnotationSpec;
import dev.chainloop.ee.contract.ContractRevisionView.MaterialSpec;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyAttachment;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyGroupAttachment;
import dev.chainloop.ee.contract.ContractRevisionView.PolicyTarget;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.Violation;
import dev.chainloop.ee.shared.MaterialKinds;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses and validates contract bodies, schema v2 ({@code kind: Contract}) and legacy v1 ({@code
 * schemaVersion: v1}), written in YAML or JSON. Works on snakeyaml's node tree rather than on
 * constructed maps so that every violation can name the line it comes from.
 */
public final class ContractParser {
  /** Largest accepted body; contracts are small documents. */
  static final int MAX_BODY_CHARS = 256 * 1024;

  static final Set<String> MATERIAL_TYPES = Set.copyOf(MaterialKinds.ALL);

  private static final Pattern DNS_1123 = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern ANNOTATION_NAME = Pattern.compile("^\\w+$");

  /** A valid contract: its name (v2 only), format and the parts attestations need. */
  public record Parsed(
      Optional<String> name,
      String format,
      List<MaterialSpec> materials,
      List<String> envAllowList,
      RunnerType runnerType,
      List<AnnotationSpec> annotations,
      List<PolicyAttachment> policies,
      List<PolicyGroupAttachment> policyGroups) {}

  private final List<Violation> violations = new ArrayList<>();

  private ContractParser() {}

  public static String formatOf(String body) {
    String t = body.stripLeading();
    return t.startsWith("{") || t.startsWith("[") ? "json" : "yaml";
  }

  /** Parses {@code body}; a 400 listing every violation (field and line) if it is not valid. */
  public static Parsed parse(String body) {
    return new ContractParser().run(body);
  }

  private Parsed run(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException("contract", "the contract body is empty");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new InvalidInputException(
          "contract", "the contract body is over " + MAX_BODY_CHARS + " characters");
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(body));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      throw new InvalidInputException(
          "contract",
          "not valid YAML or JSON"
              + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ")")
              + ": "
              + e.getProblem());
    } catch (YAMLException e) {
      throw new InvalidInputException("contract", "not valid YAML or JSON: " + e.getMessage());
    }
    if (!(root instanceof MappingNode doc)) {
      throw new InvalidInputException("contract", "the contract must be a YAML or JSON object");
    }
    duplicateKeys(doc, "");
    Optional<String> name = Optional.empty();
    Node spec;
    String prefix;
    Optional<String> schemaVersion = scalar(doc, "schemaVersion");
    if (schemaVersion.isPresent()) {
      if (!schemaVersion.get().equals("v1")) {
        add("schemaVersion", value(doc, "schemaVersion"), "unsupported schema version, use v1");
      }
      spec = doc;
      prefix = "";
    } else {
      String apiVersion = scalar(doc, "apiVersion").orElse(null);
      if (!"chainloop.dev/v1".equals(apiVersion)) {
        add(
            "apiVersion",
            orRoot(value(doc, "apiVersion"), doc),
            "must be chainloop.dev/v1 (or use the legacy \"schemaVersion: v1\")");
      }
      if (!"Contract".equals(scalar(doc, "kind").orElse(null))) {
        add("kind", orRoot(value(doc, "kind"), doc), "must be Contract");
      }
      Node metadata = value(doc, "metadata");
      Optional<String> n = metadata instanceof MappingNode m ? scalar(m, "name") : Optional.empty();
      if (n.isEmpty()) {
        add("metadata.name", orRoot(metadata, doc), "is required");
      } else if (!validName(n.get())) {
        add("metadata.name", value((MappingNode) metadata, "name"), notDns(n.get()));
      } else {
        name = n;
      }
      spec = value(doc, "spec");
      prefix = "spec.";
      if (spec != null && !(spec instanceof MappingNode) && !isNull(spec)) {
        add("spec", spec, "must be an object");
      }
    }
    MappingNode s = spec instanceof MappingNode m ? m : null;
    List<MaterialSpec> materials = materials(s, prefix);
    List<String> env = strings(s, prefix + "envAllowList", "envAllowList");
    RunnerType runner = runner(s, prefix);
    List<AnnotationSpec> annotations =
        annotations(s == null ? null : value(s, "annotations"), prefix + "annotations");
    List<PolicyAttachment> policies = policies(s, prefix);
    List<PolicyGroupAttachment> groups = policyGroups(s, prefix);
    if (!violations.isEmpty()) {
      String detail =
          "invalid contract: "
              + violations.stream()
                  .map(v -> v.field() + ": " + v.message())
                  .collect(Collectors.joining("; "));
      throw new InvalidInputException(detail, List.copyOf(violations));
    }
    return new Parsed(name, formatOf(body), materials, env, runner, annotations, policies, groups);
  }

  private List<MaterialSpec> materials(MappingNode spec, String prefix) {
    Node node = spec == null ? null : value(spec, "materials");
    if (node == null || isNull(node)) {
      return List.of();
    }
    String field = prefix + "materials";
    if (!(node instanceof SequenceNode seq)) {
      add(field, node, "must be a list");
      return List.of();
    }
    List<MaterialSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String f = field + "[" + i + "]";
      if (!(item instanceof MappingNode m)) {
        add(f, item, "must be an object");
        continue;
      }
      String type = scalar(m, "type").orElse("");
      if (type.isEmpty()) {
        add(f + ".type", m, "is required");
      } else if (!MATERIAL_TYPES.contains(type)) {
        add(f + ".type", value(m, "type"), "unknown material type \"" + type + "\"");
      }
      String name = scalar(m, "name").orElse("");
      if (name.isEmpty()) {
        add(f + ".name", m, "is required");
      } else if (!validName(name)) {
        add(f + ".name", value(m, "name"), notDns(name));
      } else if (!seen.add(name)) {
        add(f + ".name", value(m, "name"), "duplicate material name \"" + name + "\"");
      }
      out.add(
          new MaterialSpec(
              name,
              type,
              bool(m, "optional", f),
              bool(m, "output", f),
              annotations(value(m, "annotations"), f + ".annotations")));
    }
    return out;
  }

  /**
   * Upstream's {@code spec.policies}. Everything this server cannot enforce is refused rather than
   * ignored: a contract must never look gated when nothing checks it.
   */
  private List<PolicyAttachment> policies(MappingNode spec, String prefix) {
    Node node = spec == null ? null : value(spec, "policies");
    if (node == null || isNull(node)) {
      return List.of();
    }
    String field = prefix + "policies";
    if (!(node instanceof MappingNode m)) {
      add(field, node, "must be an object with materials and/or attestation lists");
      return List.of();
    }
    List<PolicyAttachment> out = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
      PolicyTarget target =
          switch (key) {
            case "materials" -> PolicyTarget.MATERIALS;
            case "attestation" -> PolicyTarget.ATTESTATION;
            default -> null;
          };
      if (target == null) {
        add(field + "." + key, t.getKeyNode(), "unknown key: use materials or attestation");
        continue;
      }
      attachments(t.getValueNode(), field + "." + key, target, out);
    }
    return out;
  }

  /**
   * Upstream's {@code spec.policyGroups[]}: {@code ref} names a policy group of the organization,
   * {@code with} sets the group's inputs, {@code gate} (when set) overrides its policies' gates,
   * {@code skip} leaves out policies of the group by name.
   */
  private List<PolicyGroupAttachment> policyGroups(MappingNode spec, String prefix) {
    Node node = spec == null ? null : value(spec, "policyGroups");
    if (node == null || isNull(node)) {
      return List.of();
    }
    String field = prefix + "policyGroups";
    if (!(node instanceof SequenceNode seq)) {
      add(field, node, "must be a list");
      return List.of();
    }
    List<PolicyGroupAttachment> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      String f = field + "[" + i + "]";
      if (!(seq.getValue().get(i) instanceof MappingNode m)) {
        add(f, seq.getValue().get(i), "must be an object");
        continue;
      }
      String ref = scalar(m, "ref").orElse("");
      if (ref.startsWith("chainloop://")) {
        ref = ref.substring("chainloop://".length());
      }
      if (ref.isEmpty()) {
        add(f + ".ref", m, "is required: the name of a policy group");
        continue;
      }
      if (ref.contains("://")) {
        add(
            f + ".ref",
            value(m, "ref"),
            "must name a policy group of the organization: apply it with chainloop apply");
        continue;
      }
      Boolean gate = scalar(m, "gate").isPresent() ? bool(m, "gate", f) : null;
      out.add(
          new PolicyGroupAttachment(
              ref, with(value(m, "with"), f + ".with"), gate, strings(m, f + ".skip", "skip")));
    }
    return out;
  }

  private void attachments(
      Node node, String field, PolicyTarget target, List<PolicyAttachment> out) {
    if (isNull(node)) {
      return;
    }
    if (!(node instanceof SequenceNode seq)) {
      add(field, node, "must be a list");
      return;
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      String f = field + "[" + i + "]";
      if (!(seq.getValue().get(i) instanceof MappingNode m)) {
        add(f, seq.getValue().get(i), "must be an object");
        continue;
      }
      if (value(m, "embedded") != null) {
        add(
            f + ".embedded",
            value(m, "embedded"),
            "embedded (Rego) policies cannot run on this server: apply a kind: Policy document"
                + " with CEL rules and attach it by ref");
        continue;
      }
      String ref = scalar(m, "ref").orElse("");
      if (ref.isEmpty()) {
        add(f + ".ref", m, "is required: the name of a policy");
        continue;
      }
      if (ref.startsWith("file://")) {
        add(
            f + ".ref",
            value(m, "ref"),
            "file:// refs are for local development (chainloop policy develop eval):"
                + " apply the policy and attach it by name");
        continue;
      }
      String name = ref.startsWith("chainloop://") ? ref.substring("chainloop://".length()) : ref;
      Map<String, String> with = with(value(m, "with"), f + ".with");
      String selector = null;
      Node sel = value(m, "selector");
      if (sel instanceof MappingNode s) {
        selector = scalar(s, "name").orElse(null);
      } else if (sel != null && !isNull(sel)) {
        add(f + ".selector", sel, "must be an object such as {name: MATERIAL}");
      }
      if (selector != null && target == PolicyTarget.ATTESTATION) {
        add(f + ".selector", sel, "only material policies take a selector");
      }
      out.add(new PolicyAttachment(target, name, with, bool(m, "gate", f), selector, null));
    }
  }

  private Map<String, String> with(Node node, String field) {
    if (node == null || isNull(node)) {
      return Map.of();
    }
    if (!(node instanceof MappingNode m)) {
      add(field, node, "must be an object of input values");
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
      if (t.getValueNode() instanceof ScalarNode v) {
        out.put(key, v.getValue());
      } else if (t.getValueNode() instanceof SequenceNode seq
          && seq.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
        out.put(
            key,
            seq.getValue().stream()
                .map(n -> ((ScalarNode) n).getValue())
                .collect(Collectors.joining(",")));
      } else {
        add(field + "." + key, t.getValueNode(), "must be text or a list of text");
      }
    }
    return out;
  }

  private RunnerType runner(MappingNode spec, String prefix) {
    Node node = spec == null ? null : value(spec, "runner");
    if (node == null || isNull(node)) {
      return null;
    }
    if (!(node instanceof MappingNode m)) {
      add(prefix + "runner", node, "must be an object");
      return null;
    }
    Optional<String> type = scalar(m, "type");
    if (type.isEmpty()) {
      return null;
    }
    Optional<RunnerType> runner =
        RunnerType.parse(type.get()).filter(t -> t != RunnerType.UNSPECIFIED);
    if (runner.isEmpty()) {
      add(prefix + "runner.type", value(m, "type"), "unknown runner type \"" + type.get() + "\"");
      return null;
    }
    return runner.get();
  }

  private List<AnnotationSpec> annotations(Node node, String field) {
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      add(field, node, "must be a list of {name, value}");
      return List.of();
    }
    List<AnnotationSpec> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String f = field + "[" + i + "]";
      if (!(item instanceof MappingNode m)) {
        add(f, item, "must be an object");
        continue;
      }
      String name = scalar(m, "name").orElse("");
      if (!ANNOTATION_NAME.matcher(name).matches()) {
        add(f + ".name", orRoot(value(m, "name"), m), "must be letters, digits or '_'");
      }
      out.add(new AnnotationSpec(name, scalar(m, "value").orElse("")));
    }
    return out;
  }

  private List<String> strings(MappingNode spec, String field, String key) {
    Node node = spec == null ? null : value(spec, key);
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      add(field, node, "must be a list of strings");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode sc) {
        out.add(sc.getValue());
      } else {
        add(field, item, "must be a list of strings");
      }
    }
    return out;
  }

  private boolean bool(MappingNode m, String key, String field) {
    Optional<String> v = scalar(m, key);
    if (v.isEmpty()) {
      return false;
    }
    return switch (v.get()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        add(field + "." + key, value(m, key), "must be true or false");
        yield false;
      }
    };
  }

  /** {@code compose} keeps duplicate keys (only constructing would refuse them): report them. */
  private void duplicateKeys(Node node, String path) {
    if (node instanceof MappingNode map) {
      Set<String> keys = new HashSet<>();
      for (NodeTuple t : map.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
        String field = path.isEmpty() ? key : path + "." + key;
        if (!keys.add(key)) {
          add(field, t.getKeyNode(), "duplicate key");
        }
        duplicateKeys(t.getValueNode(), field);
      }
    } else if (node instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size(); i++) {
        duplicateKeys(seq.getValue().get(i), path + "[" + i + "]");
      }
    }
  }

  private void add(String field, Node at, String message) {
    String where = at == null ? "" : " (line " + (at.getStartMark().getLine() + 1) + ")";
    violations.add(new Violation(field, message + where));
  }

  private static Node orRoot(Node node, Node root) {
    return node == null ? root : node;
  }

  private static boolean validName(String name) {
    return name.length() <= 63 && DNS_1123.matcher(name).matches();
  }

  private static String notDns(String name) {
    return "\""
        + name
        + "\" is not a valid name: use at most 63 lower-case letters, digits and '-'";
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static Optional<String> scalar(MappingNode map, String key) {
    return value(map, key) instanceof ScalarNode s && !isNull(s)
        ? Optional.of(s.getValue())
        : Optional.empty();
  }
}
