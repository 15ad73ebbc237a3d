package dev.chainloop.ee.policy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A material's content as a CEL value: JSON documents (CycloneDX, SPDX, SARIF, OpenVEX, CSAF, ...)
 * as maps and lists, a JUnit report as its totals and suites, anything else as its text. Sizes are
 * capped: policies read documents, they are not a way to make the server parse arbitrary data.
 */
public final class MaterialContent {
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final Set<String> JSON_KINDS =
      Set.of(
          "SBOM_CYCLONEDX_JSON",
          "SBOM_SPDX_JSON",
          "OPENVEX",
          "CSAF_VEX",
          "CSAF_INFORMATIONAL_ADVISORY",
          "CSAF_SECURITY_ADVISORY",
          "CSAF_SECURITY_INCIDENT_RESPONSE",
          "SARIF",
          "GITLAB_SECURITY_REPORT",
          "BLACKDUCK_SCA_JSON",
          "TWISTCLI_SCAN_JSON",
          "GHAS_CODE_SCAN",
          "GHAS_SECRET_SCAN",
          "GHAS_DEPENDENCY_SCAN",
          "SLSA_PROVENANCE",
          "CHAINLOOP_RUNNER_CONTEXT",
          "CHAINLOOP_PR_INFO",
          "GITLEAKS_JSON",
          "OSSF_SCORECARD_JSON",
          "TRUFFLEHOG_JSON",
          "CHECKMARX_JSON",
          "ATTESTATION");

  private MaterialContent() {}

  /** The parsed content of a material of {@code kind}; refused when over the cap or malformed. */
  public static Object parse(String kind, byte[] bytes) {
    if (bytes == null) {
      return Map.of();
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("the material is over " + MAX_BYTES + " bytes");
    }
    if ("TRUFFLEHOG_JSON".equals(kind)) {
      return jsonLines(new String(bytes, StandardCharsets.UTF_8));
    }
    if (JSON_KINDS.contains(kind)) {
      return json(new String(bytes, StandardCharsets.UTF_8));
    }
    if ("JUNIT_XML".equals(kind)) {
      return junit(bytes);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** JSON through snakeyaml (JSON is YAML), then to CEL's value types. */
  public static Object json(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(64);
    try {
      return cel(new Yaml(new SafeConstructor(options)).load(text));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the material is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** {@code trufflehog --json} writes one finding per line: the findings as a list. */
  static Object jsonLines(String text) {
    try {
      return json(text);
    } catch (IllegalArgumentException notOneDocument) {
      List<Object> out = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          out.add(json(line));
        }
      }
      return out;
    }
  }

  /** CEL knows long, double, string, bool, list and map; JSON nulls are left out of maps. */
  static Object cel(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            if (v != null) {
              out.put(String.valueOf(k), cel(v));
            }
          });
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object v : l) {
        out.add(v == null ? "" : cel(v));
      }
      return out;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof BigInteger b) {
      return b.doubleValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /**
   * A JUnit report as {@code {tests, failures, errors, skipped, testsuites: [{name, tests,
   * failures, errors, skipped}]}}, whether its root is {@code testsuites} or one {@code testsuite}.
   */
  static Map<String, Object> junit(byte[] bytes) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      Element root =
          f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
      List<Element> suites = new ArrayList<>();
      if ("testsuite".equals(root.getTagName())) {
        suites.add(root);
      } else {
        NodeList list = root.getElementsByTagName("testsuite");
        for (int i = 0; i < list.getLength(); i++) {
          suites.add((Element) list.item(i));
        }
      }
      long tests = 0;
      long failures = 0;
      long errors = 0;
      long skipped = 0;
      List<Object> out = new ArrayList<>();
      for (Element s : suites) {
        long t = count(s, "tests");
        long fl = count(s, "failures");
        long e = count(s, "errors");
        long sk = Math.max(count(s, "skipped"), count(s, "disabled"));
        tests += t;
        failures += fl;
        errors += e;
        skipped += sk;
        out.add(
            Map.of(
                "name", s.getAttribute("name"),
                "tests", t,
                "failures", fl,
                "errors", e,
                "skipped", sk));
      }
      return Map.of(
          "tests", tests,
          "failures", failures,
          "errors", errors,
          "skipped", skipped,
          "testsuites", out);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "the material is not a JUnit XML report: " + e.getMessage(), e);
    }
  }

  private static long count(Element e, String attribute) {
    String v = e.getAttribute(attribute);
    try {
      return v.isBlank() ? 0 : Long.parseLong(v.trim());
    } catch (NumberFormatException ex) {
      return 0;
    }
  }
}
