package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.oci.ImageReference;
import dev.chainloop.ee.shared.MaterialKinds;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Material kinds: structural format checks, and auto-detection in upstream's order.
 *
 * <p>The CLI is the one place that validates: it is the only side that sees a file's content before
 * it goes to the CAS (the server sees digests). The checks are structural, built on what the CLI
 * already loads (JSON-P, StAX, SnakeYAML, java.util.zip), so they add nothing to the CLI's start;
 * the deeper checks that upstream skips with {@code --no-strict-validation} are marked strict.
 */
public final class Materials {
  /** Kinds that take any non-empty file: there is no format to check. */
  public static final List<String> UNCHECKED = List.of("ARTIFACT", "EVIDENCE", "RADAMSA_CRASHES");

  /**
   * Upstream's detection order for files. RADAMSA_*, CHECKMARX_JSON and CHAINLOOP_PR_INFO are left
   * out as upstream does: their fingerprints are weak or they are only meant by an explicit kind.
   */
  static final List<String> DETECT_ORDER =
      List.of(
          "OPENVEX",
          "SBOM_CYCLONEDX_JSON",
          "SBOM_SPDX_JSON",
          "CSAF_VEX",
          "CSAF_INFORMATIONAL_ADVISORY",
          "CSAF_SECURITY_ADVISORY",
          "CSAF_SECURITY_INCIDENT_RESPONSE",
          "GITLAB_SECURITY_REPORT",
          "GITLEAKS_JSON",
          "YELP_DETECT_SECRETS_BASELINE",
          "SYSINTERNALS_SIGCHECK",
          "OSSF_SCORECARD_JSON",
          "OPENAPI_SPEC",
          "ASYNCAPI_SPEC",
          "GRAPHQL_SPEC",
          "JUNIT_XML",
          "JACOCO_XML",
          "COBERTURA_XML",
          "HELM_CHART",
          "SARIF",
          "BLACKDUCK_SCA_JSON",
          "TWISTCLI_SCAN_JSON",
          "ZAP_DAST_ZIP",
          "SLSA_PROVENANCE",
          "CHAINLOOP_RUNNER_CONTEXT",
          "CHAINLOOP_AI_AGENT_CONFIG",
          "CHAINLOOP_AI_CODING_SESSION",
          "ATTESTATION",
          "ARTIFACT");

  private static final Pattern IMAGE = Pattern.compile("[^\\s@]+@sha256:[0-9a-f]{64}");
  private static final Pattern CYCLONEDX_SPEC = Pattern.compile("1\\.[0-7]");
  private static final Pattern GRAPHQL_DEFINITION =
      Pattern.compile(
          "(?m)^\\s*(extend\\s+)?(type|schema|interface|enum|input|scalar|union|directive)\\b");
  private static final Pattern ACCESSCHK_ENTRY = Pattern.compile("(?m)^\\s+(RW|R|W)\\s+\\S");
  private static final Pattern CLSID =
      Pattern.compile(
          "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}");
  private static final Pattern RADAMSA_PAIR = Pattern.compile("\\w[\\w-]*:.*");
  static final long MAX_PARSE_BYTES = 64L * 1024 * 1024;

  private Materials() {}

  /** Whether {@code value} of {@code kind} is a file to digest and upload. */
  public static boolean isFile(String kind, String value) {
    return !kind.equals("STRING") && !Material.isOciReference(kind, value);
  }

  public static String detect(String value, boolean strict) {
    Path p = Path.of(value);
    if (!Files.isRegularFile(p)) {
      return IMAGE.matcher(value).matches() ? "CONTAINER_IMAGE" : "STRING";
    }
    for (String kind : DETECT_ORDER) {
      if (validate(kind, value, strict).isEmpty()) {
        return kind;
      }
    }
    return "ARTIFACT";
  }

  /** Empty if {@code value} is a valid {@code kind}, else the reason. Strict checks included. */
  public static Optional<String> validate(String kind, String value) {
    return validate(kind, value, true);
  }

  /**
   * Empty if {@code value} is a valid {@code kind}, else the reason.
   *
   * @param strict false skips the schema-level checks of SBOM_CYCLONEDX_JSON, OPENAPI_SPEC,
   *     ASYNCAPI_SPEC and OSSF_SCORECARD_JSON (upstream's {@code --no-strict-validation}); the
   *     fingerprint that makes a file that kind is still required
   */
  public static Optional<String> validate(String kind, String value, boolean strict) {
    if (kind.equals("STRING")) {
      return value.isEmpty() ? Optional.of("empty value") : Optional.empty();
    }
    if (Material.isOciReference(kind, value)) {
      try {
        ImageReference.parse(Material.stripScheme(value));
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    Path p = Path.of(value);
    try {
      if (!Files.isRegularFile(p)) {
        return Optional.of("file " + value + " not found");
      }
      if (Files.size(p) == 0) {
        return Optional.of("the file is empty");
      }
      if (UNCHECKED.contains(kind)) {
        return Optional.empty();
      }
      if (Files.size(p) > MAX_PARSE_BYTES) {
        return Optional.of("the file is larger than " + MAX_PARSE_BYTES + " bytes to check");
      }
      return check(kind, p, strict);
    } catch (IOException e) {
      return Optional.of("cannot read " + value + ": " + e.getMessage());
    }
  }

  /**
   * Upstream's evidence documents wrap their payload: {"chainloop.material.evidence.id", "data"}.
   */
  private static JsonObject evidenceData(JsonObject o) {
    return o.containsKey("chainloop.material.evidence.id") && o.get("data") instanceof JsonObject d
        ? d
        : o;
  }

  private static Optional<String> check(String kind, Path p, boolean strict) throws IOException {
    return switch (kind) {
      case "SBOM_CYCLONEDX_JSON" -> cycloneDx(jsonObject(p), strict);
      case "SBOM_SPDX_JSON" ->
          require(
              jsonObject(p),
              o -> str(o, "spdxVersion").startsWith("SPDX-") && !str(o, "SPDXID").isEmpty(),
              "not an SPDX JSON document (spdxVersion, SPDXID)");
      case "SARIF" ->
          require(
              jsonObject(p),
              o -> !str(o, "version").isEmpty() && o.get("runs") instanceof JsonArray,
              "not a SARIF report (version, runs)");
      case "OPENVEX" ->
          require(
              jsonObject(p),
              o ->
                  str(o, "@context").contains("openvex")
                      && o.get("statements") instanceof JsonArray,
              "not an OpenVEX document (@context, statements)");
      case "CSAF_VEX" -> csaf(p, "csaf_vex");
      case "CSAF_INFORMATIONAL_ADVISORY" -> csaf(p, "csaf_informational_advisory");
      case "CSAF_SECURITY_ADVISORY" -> csaf(p, "csaf_security_advisory");
      case "CSAF_SECURITY_INCIDENT_RESPONSE" -> csaf(p, "csaf_security_incident_response");
      case "ATTESTATION" ->
          require(
              jsonObject(p),
              o -> o.get("dsseEnvelope") instanceof JsonObject || o.get("payloadType") != null,
              "not a DSSE envelope or Sigstore bundle");
      case "SLSA_PROVENANCE" -> slsa(jsonObject(p));
      case "GITLAB_SECURITY_REPORT" ->
          require(
              jsonObject(p),
              o -> !str(obj(o, "scan"), "type").isEmpty(),
              "not a GitLab security report (scan.type)");
      case "BLACKDUCK_SCA_JSON" ->
          require(
              jsonObject(p),
              o ->
                  has(o, "detailedVulnerabilities")
                      && has(o, "detailedProjectVersionCustomFields")
                      && has(o, "detailedCodeLocations"),
              "not a Black Duck SCA report (detailedVulnerabilities, detailedCodeLocations,"
                  + " detailedProjectVersionCustomFields)");
      case "TWISTCLI_SCAN_JSON" ->
          require(
              jsonObject(p),
              o -> o.get("results") instanceof JsonArray && !str(o, "consoleURL").isEmpty(),
              "not a twistcli scan (results, consoleURL)");
      case "GHAS_CODE_SCAN" ->
          eachOf(
              p, o -> obj(o, "tool") != null && obj(o, "rule") != null, "GHAS code scan", "tool");
      case "GHAS_SECRET_SCAN" ->
          eachOf(p, o -> !str(o, "secret_type").isEmpty(), "GHAS secret scan", "secret_type");
      case "GHAS_DEPENDENCY_SCAN" ->
          eachOf(p, o -> obj(o, "dependency") != null, "GHAS dependency scan", "dependency");
      case "GITLEAKS_JSON" ->
          eachOf(
              p,
              o -> !str(o, "Fingerprint").isEmpty() && !str(o, "RuleID").isEmpty(),
              "Gitleaks report",
              "RuleID, Fingerprint");
      case "TRUFFLEHOG_JSON" -> trufflehog(p);
      case "CHECKMARX_JSON" -> checkmarx(jsonObject(p));
      case "CHAINLOOP_RUNNER_CONTEXT" ->
          require(
              jsonObject(p),
              o ->
                  !str(obj(o, "meta"), "id").isEmpty()
                      && has(obj(o, "data"), "tool")
                      && has(obj(o, "data"), "provider"),
              "not a Chainloop runner context (meta.id, data.tool, data.provider)");
      case "CHAINLOOP_PR_INFO" ->
          require(
              jsonObject(p),
              o -> List.of("platform", "type", "number", "url").stream().allMatch(k -> has(o, k)),
              "not a Chainloop PR info document (platform, type, number, url)");
      case "CHAINLOOP_AI_AGENT_CONFIG" ->
          require(
              jsonObject(p).map(Materials::evidenceData),
              o ->
                  !str(obj(o, "agent"), "name").isEmpty()
                      && !str(o, "config_hash").isEmpty()
                      && o.get("config_files") instanceof JsonArray,
              "not a Chainloop AI agent config (agent.name, config_hash, config_files)");
      case "CHAINLOOP_AI_CODING_SESSION" ->
          require(
              jsonObject(p),
              o ->
                  !str(o, "schema_version").isEmpty()
                      && !str(obj(o, "agent"), "name").isEmpty()
                      && !str(obj(o, "session"), "id").isEmpty()
                      && has(obj(o, "session"), "started_at")
                      && has(obj(o, "session"), "duration_seconds"),
              "not a Chainloop AI coding session (schema_version, agent.name, session.id,"
                  + " session.started_at, session.duration_seconds)");
      case "YELP_DETECT_SECRETS_BASELINE" ->
          require(
              jsonObject(p),
              o ->
                  !str(o, "version").isEmpty()
                      && o.get("plugins_used") instanceof JsonArray
                      && o.get("results") instanceof JsonObject,
              "not a detect-secrets baseline (version, plugins_used, results)");
      case "OSSF_SCORECARD_JSON" -> scorecard(jsonObject(p), strict);
      case "OPENAPI_SPEC" -> openApi(p, strict);
      case "ASYNCAPI_SPEC" -> asyncApi(p, strict);
      case "GRAPHQL_SPEC" -> graphql(p);
      case "JUNIT_XML" ->
          xml(
              p,
              (root, attrs) -> root.equals("testsuite") || root.equals("testsuites"),
              null,
              "not a JUnit XML report (root testsuite or testsuites)");
      case "JACOCO_XML" ->
          xml(
              p,
              (root, attrs) -> root.equals("report"),
              "counter",
              "not a JaCoCo XML report (root report with counters)");
      case "COBERTURA_XML" ->
          xml(
              p,
              (root, attrs) -> root.equals("coverage") && attrs.containsKey("line-rate"),
              null,
              "not a Cobertura XML report (root coverage with line-rate)");
      case "HELM_CHART" -> helmChart(p);
      case "ZAP_DAST_ZIP" -> zap(p);
      case "SYSINTERNALS_SIGCHECK" -> sigcheck(p);
      case "SYSINTERNALS_ACCESSCHK" ->
          text(
              p,
              t -> t.contains("Accesschk v") || ACCESSCHK_ENTRY.matcher(t).find(),
              "not AccessChk output (banner or access entries)");
      case "CERTCC_DRANZER" ->
          text(
              p,
              t -> CLSID.matcher(t).find() && (t.contains("COM Object") || t.contains("Dranzer")),
              "not Dranzer output (COM objects tested by CLSID)");
      case "RADAMSA_REPORT" -> radamsa(p);
      default -> Optional.of("unsupported kind " + kind);
    };
  }

  public static String normalizeKind(String kind) {
    String k = kind.trim().toUpperCase(Locale.ROOT);
    if (!MaterialKinds.ALL.contains(k)) {
      throw new CliException(
          "\"" + kind + "\" kind not found. Available options are " + MaterialKinds.ALL);
    }
    return k;
  }

  private static Optional<String> cycloneDx(Optional<JsonObject> doc, boolean strict) {
    if (doc.isEmpty() || !"CycloneDX".equals(str(doc.get(), "bomFormat"))) {
      return Optional.of("not a CycloneDX JSON SBOM (bomFormat)");
    }
    if (!strict) {
      return Optional.empty();
    }
    JsonObject o = doc.get();
    if (!CYCLONEDX_SPEC.matcher(str(o, "specVersion")).matches()) {
      return Optional.of("unsupported CycloneDX specVersion \"" + str(o, "specVersion") + "\"");
    }
    if (o.containsKey("components")) {
      if (!(o.get("components") instanceof JsonArray components)) {
        return Optional.of("CycloneDX components must be an array");
      }
      for (JsonValue c : components) {
        if (!(c instanceof JsonObject co) || str(co, "type").isEmpty() || !has(co, "name")) {
          return Optional.of("every CycloneDX component needs a type and a name");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> csaf(Path p, String category) throws IOException {
    return require(
        jsonObject(p),
        o ->
            category.equals(str(obj(o, "document"), "category"))
                && !str(obj(o, "document"), "csaf_version").isEmpty(),
        "not a CSAF document of category " + category + " (document.category, csaf_version)");
  }

  private static Optional<String> slsa(Optional<JsonObject> doc) {
    Optional<JsonObject> statement = doc.flatMap(Materials::envelopeStatement);
    String type = statement.map(s -> str(s, "predicateType")).orElse("");
    return type.startsWith("https://slsa.dev/provenance/")
        ? Optional.empty()
        : Optional.of(
            "not a SLSA provenance (a DSSE envelope or bundle with predicateType"
                + " https://slsa.dev/provenance/...)");
  }

  /** The in-toto statement inside a Sigstore bundle or a bare DSSE envelope. */
  private static Optional<JsonObject> envelopeStatement(JsonObject o) {
    JsonObject env = o.get("dsseEnvelope") instanceof JsonObject e ? e : o;
    String payload = str(env, "payload");
    if (payload.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] decoded = Base64.getDecoder().decode(payload);
      try (var r = Json.createReader(new ByteArrayInputStream(decoded))) {
        return Optional.of(r.readObject());
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> trufflehog(Path p) throws IOException {
    List<JsonValue> findings = new ArrayList<>();
    Optional<JsonValue> whole = json(p);
    if (whole.isPresent() && whole.get() instanceof JsonArray a) {
      findings.addAll(a);
    } else {
      // trufflehog --json writes one finding per line
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try (var r = Json.createReader(new java.io.StringReader(line))) {
          findings.add(r.readValue());
        } catch (RuntimeException e) {
          return Optional.of("not a TruffleHog report (JSON lines)");
        }
      }
    }
    boolean ok =
        !findings.isEmpty()
            && findings.stream()
                .allMatch(v -> v instanceof JsonObject o && !str(o, "DetectorName").isEmpty());
    return ok ? Optional.empty() : Optional.of("not a TruffleHog report (DetectorName)");
  }

  private static Optional<String> checkmarx(Optional<JsonObject> doc) {
    return require(
        doc,
        o ->
            !str(o, "scanID").isEmpty()
                && o.get("results") instanceof JsonArray results
                && results.stream()
                    .allMatch(
                        r ->
                            r instanceof JsonObject ro
                                && !str(ro, "type").isEmpty()
                                && ro.get("data") instanceof JsonObject),
        "not a Checkmarx JSON report (scanID, results with type and data)");
  }

  private static Optional<String> scorecard(Optional<JsonObject> doc, boolean strict) {
    if (doc.isEmpty()
        || str(obj(doc.get(), "scorecard"), "version").isEmpty()
        || str(obj(doc.get(), "repo"), "name").isEmpty()) {
      return Optional.of("not an OpenSSF Scorecard report (scorecard.version, repo.name)");
    }
    if (!strict) {
      return Optional.empty();
    }
    JsonObject o = doc.get();
    if (str(o, "date").isEmpty() || !(o.get("checks") instanceof JsonArray checks)) {
      return Optional.of("an OpenSSF Scorecard report needs date and checks");
    }
    for (JsonValue c : checks) {
      if (!(c instanceof JsonObject co)
          || str(co, "name").isEmpty()
          || !(co.get("score") instanceof JsonNumber)) {
        return Optional.of("every OpenSSF Scorecard check needs a name and a numeric score");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> openApi(Path p, boolean strict) {
    Map<?, ?> doc = jsonOrYaml(p);
    Object version =
        doc == null ? null : doc.containsKey("openapi") ? doc.get("openapi") : doc.get("swagger");
    if (!(version instanceof String v) || !(v.startsWith("2.") || v.startsWith("3."))) {
      return Optional.of("not an OpenAPI or Swagger document (openapi, swagger)");
    }
    if (!strict) {
      return Optional.empty();
    }
    Optional<String> info = info(doc, "OpenAPI");
    if (info.isPresent()) {
      return info;
    }
    boolean hasOperations =
        doc.get("paths") instanceof Map
            || (v.startsWith("3.1")
                && (doc.get("webhooks") instanceof Map || doc.get("components") instanceof Map));
    return hasOperations
        ? Optional.empty()
        : Optional.of("an OpenAPI document needs paths (3.1: paths, webhooks or components)");
  }

  private static Optional<String> asyncApi(Path p, boolean strict) {
    Map<?, ?> doc = jsonOrYaml(p);
    if (doc == null || !(doc.get("asyncapi") instanceof String v) || v.isEmpty()) {
      return Optional.of("not an AsyncAPI document (asyncapi)");
    }
    if (!strict) {
      return Optional.empty();
    }
    Optional<String> info = info(doc, "AsyncAPI");
    if (info.isPresent()) {
      return info;
    }
    return v.startsWith("2.") && !(doc.get("channels") instanceof Map)
        ? Optional.of("an AsyncAPI 2 document needs channels")
        : Optional.empty();
  }

  private static Optional<String> info(Map<?, ?> doc, String format) {
    return doc.get("info") instanceof Map<?, ?> info
            && info.get("title") instanceof String
            && info.get("version") != null
        ? Optional.empty()
        : Optional.of("an " + format + " document needs info.title and info.version");
  }

  private static Map<?, ?> jsonOrYaml(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      var options = new org.yaml.snakeyaml.LoaderOptions();
      options.setAllowDuplicateKeys(false);
      // JSON is YAML: one parser reads both forms of a spec
      Object doc =
          new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options))
              .load(in);
      return doc instanceof Map<?, ?> m ? m : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Optional<String> graphql(Path p) throws IOException {
    String t = Files.readString(p, StandardCharsets.UTF_8).strip();
    if (t.startsWith("{") || t.startsWith("[") || !GRAPHQL_DEFINITION.matcher(t).find()) {
      return Optional.of("not a GraphQL SDL document (type, schema, ... definitions)");
    }
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '"' && (i == 0 || t.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (!inString && c == '#') {
        int eol = t.indexOf('\n', i);
        i = eol < 0 ? t.length() : eol;
      } else if (!inString && c == '{') {
        depth++;
      } else if (!inString && c == '}' && --depth < 0) {
        break;
      }
    }
    return depth == 0 && !inString
        ? Optional.empty()
        : Optional.of("not a GraphQL SDL document (unbalanced braces)");
  }

  private static Optional<String> helmChart(Path p) {
    boolean chart = false;
    boolean values = false;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = tarString(header, 0, 100);
        String prefix = tarString(header, 345, 155);
        String path = prefix.isEmpty() ? name : prefix + "/" + name;
        String octal = tarString(header, 124, 12).trim();
        long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        String[] parts = path.split("/");
        if (parts.length == 2) {
          chart |= parts[1].equals("Chart.yaml");
          values |= parts[1].equals("values.yaml");
        }
        in.skipNBytes((size + 511) / 512 * 512);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of("not a packaged Helm chart (a .tgz archive)");
    }
    return chart && values
        ? Optional.empty()
        : Optional.of("not a packaged Helm chart (CHART/Chart.yaml and CHART/values.yaml)");
  }

  private static String tarString(byte[] header, int from, int len) {
    int end = from;
    while (end < from + len && header[end] != 0) {
      end++;
    }
    return new String(header, from, end - from, StandardCharsets.US_ASCII);
  }

  private static Optional<String> zap(Path p) {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(p))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
        if (!e.isDirectory() && name.equals("report_json.json")) {
          byte[] report = zip.readNBytes((int) MAX_PARSE_BYTES);
          try (var r = Json.createReader(new ByteArrayInputStream(report))) {
            return "ZAP".equals(str(r.readObject(), "@programName"))
                ? Optional.empty()
                : Optional.of("not a ZAP report (@programName in report_json.json)");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of("not a ZAP DAST zip (a zip archive)");
    }
    return Optional.of("not a ZAP DAST zip (report_json.json missing)");
  }

  private static Optional<String> sigcheck(Path p) throws IOException {
    String first;
    try (var r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      first = r.readLine();
    } catch (java.nio.charset.MalformedInputException e) {
      first = null;
    }
    if (first != null) {
      List<String> columns =
          List.of(first.replace("\uFEFF", "").split(first.contains("\t") ? "\t" : ",")).stream()
              .map(c -> c.strip().replace("\"", ""))
              .toList();
      if (columns.contains("Path") && columns.contains("Verified")) {
        return Optional.empty();
      }
    }
    return Optional.of("not a Sigcheck CSV report (Path and Verified columns)");
  }

  private static Optional<String> radamsa(Path p) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      return Optional.of("not a radamsa -M metadata log (text)");
    }
    int records = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      for (String pair : splitOutsideQuotes(line.strip())) {
        if (!RADAMSA_PAIR.matcher(pair).matches()) {
          return Optional.of("not a radamsa -M metadata log (key: value pairs)");
        }
      }
      records++;
    }
    return records > 0
        ? Optional.empty()
        : Optional.of("not a radamsa -M metadata log (no records)");
  }

  private static List<String> splitOutsideQuotes(String line) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        current.append(c).append(line.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && c == ',' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
        parts.add(current.toString());
        current.setLength(0);
        i++;
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }

  private static Optional<String> text(Path p, Predicate<String> looksRight, String reason)
      throws IOException {
    try {
      return looksRight.test(Files.readString(p, StandardCharsets.UTF_8))
          ? Optional.empty()
          : Optional.of(reason);
    } catch (java.nio.charset.MalformedInputException e) {
      return Optional.of(reason);
    }
  }

  /** A JSON array of findings, each of the expected shape (an empty array is a clean report). */
  private static Optional<String> eachOf(
      Path p, Predicate<JsonObject> shape, String format, String fields) throws IOException {
    Optional<JsonValue> doc = json(p);
    boolean ok =
        doc.isPresent()
            && doc.get() instanceof JsonArray a
            && a.stream().allMatch(v -> v instanceof JsonObject o && shape.test(o));
    return ok
        ? Optional.empty()
        : Optional.of("not a " + format + " (an array with " + fields + ")");
  }

  private interface RootCheck {
    boolean test(String root, Map<String, String> attributes);
  }

  private static Optional<String> xml(Path p, RootCheck root, String requiredElement, String reason)
      throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try (InputStream in = Files.newInputStream(p)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      boolean rootSeen = false;
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (!rootSeen) {
          Map<String, String> attributes = new java.util.HashMap<>();
          for (int i = 0; i < r.getAttributeCount(); i++) {
            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
          if (!root.test(r.getLocalName(), attributes)) {
            return Optional.of(reason);
          }
          if (requiredElement == null) {
            return Optional.empty();
          }
          rootSeen = true;
        } else if (r.getLocalName().equals(requiredElement)) {
          return Optional.empty();
        }
      }
    } catch (javax.xml.stream.XMLStreamException e) {
      return Optional.of(reason);
    }
    return Optional.of(reason);
  }

  private static Optional<String> require(
      Optional<JsonObject> doc, Predicate<JsonObject> shape, String reason) {
    return doc.filter(shape).isPresent() ? Optional.empty() : Optional.of(reason);
  }

  private static Optional<JsonObject> jsonObject(Path p) throws IOException {
    return json(p).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
  }

  private static Optional<JsonValue> json(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p);
        var r = Json.createReader(in)) {
      return Optional.of(r.readValue());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static JsonObject obj(JsonObject o, String k) {
    return o != null && o.get(k) instanceof JsonObject n ? n : null;
  }

  private static boolean has(JsonObject o, String k) {
    return o != null && o.containsKey(k) && o.get(k) != JsonValue.NULL;
  }

  private static String str(JsonObject o, String k) {
    return o != null && o.get(k) instanceof JsonString js ? js.getString() : "";
  }
}
