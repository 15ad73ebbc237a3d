package dev.chainloop.ee.cli.attestation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A small valid file (or value) of every material kind, written for these tests. */
public final class MaterialFixtures {
  private MaterialFixtures() {}

  public static final String IMAGE = "ghcr.io/acme/app@sha256:" + "ab".repeat(32);

  /** A value of {@code kind}: a file written under {@code dir}, or the value itself. */
  public static String valid(String kind, Path dir) throws IOException {
    return switch (kind) {
      case "STRING" -> "1.2.3";
      case "CONTAINER_IMAGE" -> IMAGE;
      case "HELM_CHART" -> write(dir, "chart.tgz", helmChart());
      case "ZAP_DAST_ZIP" -> write(dir, "zap.zip", zap());
      default -> write(dir, kind.toLowerCase() + extension(kind), TEXT.get(kind));
    };
  }

  /** A file that is none of the structured kinds. */
  public static String wrong(Path dir) throws IOException {
    return write(dir, "wrong.json", "{\"unrelated\": true}\n");
  }

  private static String extension(String kind) {
    if (kind.endsWith("_XML")) {
      return ".xml";
    }
    return switch (kind) {
      case "GRAPHQL_SPEC" -> ".graphql";
      case "OPENAPI_SPEC", "ASYNCAPI_SPEC" -> ".yaml";
      case "SYSINTERNALS_SIGCHECK" -> ".csv";
      case "SYSINTERNALS_ACCESSCHK", "CERTCC_DRANZER", "RADAMSA_REPORT", "RADAMSA_CRASHES" ->
          ".txt";
      case "ARTIFACT" -> ".tar";
      default -> ".json";
    };
  }

  private static final Map<String, String> TEXT = new LinkedHashMap<>();

  static {
    TEXT.put("ARTIFACT", "release bits\n");
    TEXT.put("EVIDENCE", "{\"reviewed\": true}\n");
    TEXT.put("RADAMSA_CRASHES", "\u0000\u0001crash\n");
    TEXT.put(
        "SBOM_CYCLONEDX_JSON",
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
         "components": [{"type": "library", "name": "commons-cli", "version": "1.11.0"}]}
        """);
    TEXT.put(
        "SBOM_SPDX_JSON",
        """
        {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "app",
         "dataLicense": "CC0-1.0", "packages": []}
        """);
    TEXT.put(
        "JUNIT_XML",
        "<?xml version=\"1.0\"?><testsuites><testsuite name=\"a\" tests=\"1\">"
            + "<testcase name=\"t\"/></testsuite></testsuites>\n");
    TEXT.put(
        "JACOCO_XML",
        "<?xml version=\"1.0\"?><report name=\"app\"><package name=\"a\"/>"
            + "<counter type=\"INSTRUCTION\" missed=\"1\" covered=\"9\"/></report>\n");
    TEXT.put(
        "COBERTURA_XML",
        "<?xml version=\"1.0\"?><coverage line-rate=\"0.9\" branch-rate=\"0.5\" version=\"7\">"
            + "<packages/></coverage>\n");
    TEXT.put(
        "OPENVEX",
        """
        {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://acme/vex-1",
         "author": "acme", "timestamp": "2024-05-13T12:00:00Z", "version": 1, "statements": []}
        """);
    for (String category :
        new String[] {
          "csaf_vex",
          "csaf_informational_advisory",
          "csaf_security_advisory",
          "csaf_security_incident_response"
        }) {
      TEXT.put(
          category.equals("csaf_vex") ? "CSAF_VEX" : category.toUpperCase(),
          "{\"document\": {\"category\": \""
              + category
              + "\", \"csaf_version\": \"2.0\", \"title\": \"t\"}}\n");
    }
    TEXT.put(
        "SARIF",
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"codeql\"}}}]}\n");
    TEXT.put(
        "ATTESTATION",
        "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"e30=\","
            + " \"signatures\": []}\n");
    TEXT.put(
        "SLSA_PROVENANCE",
        "{\"mediaType\": \"application/vnd.dev.sigstore.bundle.v0.3+json\", \"dsseEnvelope\":"
            + " {\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \""
            + Base64.getEncoder()
                .encodeToString(
                    ("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [],"
                            + " \"predicateType\": \"https://slsa.dev/provenance/v1\","
                            + " \"predicate\": {}}")
                        .getBytes(StandardCharsets.UTF_8))
            + "\", \"signatures\": []}}\n");
    TEXT.put(
        "GITLAB_SECURITY_REPORT",
        "{\"version\": \"15.0.0\", \"scan\": {\"type\": \"sast\", \"status\": \"success\"},"
            + " \"vulnerabilities\": []}\n");
    TEXT.put(
        "BLACKDUCK_SCA_JSON",
        "{\"detailedVulnerabilities\": [], \"detailedProjectVersionCustomFields\": [],"
            + " \"detailedCodeLocations\": []}\n");
    TEXT.put(
        "TWISTCLI_SCAN_JSON",
        "{\"results\": [{\"id\": \"x\"}], \"consoleURL\": \"https://twistlock.acme/console\"}\n");
    TEXT.put(
        "GHAS_CODE_SCAN",
        "[{\"number\": 1, \"rule\": {\"id\": \"js/xss\"}, \"tool\": {\"name\": \"CodeQL\"}}]\n");
    TEXT.put(
        "GHAS_SECRET_SCAN",
        "[{\"number\": 1, \"secret_type\": \"github_personal_access_token\"}]\n");
    TEXT.put(
        "GHAS_DEPENDENCY_SCAN",
        "[{\"number\": 1, \"dependency\": {\"package\": {\"name\": \"lodash\"}}}]\n");
    TEXT.put(
        "CHAINLOOP_RUNNER_CONTEXT",
        "{\"meta\": {\"id\": \"ctx-1\"}, \"data\": {\"tool\": \"gh\", \"provider\": \"github\"}}\n");
    TEXT.put(
        "CHAINLOOP_PR_INFO",
        "{\"platform\": \"github\", \"type\": \"pull_request\", \"number\": \"42\","
            + " \"url\": \"https://github.com/acme/app/pull/42\"}\n");
    TEXT.put(
        "GITLEAKS_JSON",
        "[{\"RuleID\": \"aws-access-token\", \"File\": \"a.env\", \"Fingerprint\":"
            + " \"a.env:aws-access-token:3\"}]\n");
    TEXT.put(
        "CHAINLOOP_AI_AGENT_CONFIG",
        "{\"agent\": {\"name\": \"claude\"}, \"config_hash\": \"abc\", \"config_files\": []}\n");
    TEXT.put(
        "CHAINLOOP_AI_CODING_SESSION",
        "{\"schema_version\": \"0.1\", \"agent\": {\"name\": \"claude\"}, \"session\": {\"id\":"
            + " \"s-1\", \"started_at\": \"2024-05-13T12:00:00Z\", \"duration_seconds\": 60}}\n");
    TEXT.put(
        "OPENAPI_SPEC",
        """
        openapi: 3.0.3
        info:
          title: Pets
          version: "1.0"
        paths:
          /pets:
            get:
              responses:
                "200":
                  description: ok
        """);
    TEXT.put(
        "ASYNCAPI_SPEC",
        """
        asyncapi: 2.6.0
        info:
          title: Events
          version: "1.0"
        channels:
          user/signedup: {}
        """);
    TEXT.put(
        "GRAPHQL_SPEC",
        """
        # the pets API
        type Query {
          pets(first: Int = 10): [Pet!]!
        }
        type Pet {
          name: String
        }
        """);
    TEXT.put(
        "YELP_DETECT_SECRETS_BASELINE",
        "{\"version\": \"1.5.0\", \"plugins_used\": [{\"name\": \"AWSKeyDetector\"}],"
            + " \"results\": {}}\n");
    TEXT.put(
        "SYSINTERNALS_SIGCHECK",
        "\"Path\",\"Verified\",\"Date\",\"Publisher\"\n"
            + "\"c:\\app\\app.exe\",\"Signed\",\"10:00 AM 1/1/2026\",\"Acme\"\n");
    TEXT.put(
        "SYSINTERNALS_ACCESSCHK",
        "Accesschk v6.15 - Reports effective permissions for securable objects\n\n"
            + "c:\\app\\app.exe\n  RW NT AUTHORITY\\SYSTEM\n  R  BUILTIN\\Users\n");
    TEXT.put(
        "CERTCC_DRANZER",
        "Testing COM Object - {11111111-2222-3333-4444-555555555555} Acme.Widget\n"
            + "COM Object Filename : widget.ocx\n");
    TEXT.put(
        "OSSF_SCORECARD_JSON",
        "{\"date\": \"2024-05-13\", \"repo\": {\"name\": \"github.com/acme/app\"},"
            + " \"scorecard\": {\"version\": \"v5.0.0\"}, \"score\": 7.5,"
            + " \"checks\": [{\"name\": \"Code-Review\", \"score\": 8}]}\n");
    TEXT.put(
        "RADAMSA_REPORT",
        "nth: 1, seed: 42, output: \"fuzz-1.bin\", length: 120\n"
            + "nth: 2, seed: 42, output: \"fuzz-2.bin\", length: 98\n");
    TEXT.put(
        "TRUFFLEHOG_JSON",
        "{\"DetectorName\": \"Github\", \"Verified\": true, \"Redacted\": \"ghp_***\"}\n"
            + "{\"DetectorName\": \"AWS\", \"Verified\": false, \"Redacted\": \"AKIA***\"}\n");
    TEXT.put(
        "CHECKMARX_JSON",
        "{\"scanID\": \"scan-1\", \"results\": [{\"type\": \"sast\", \"data\": {\"queryName\":"
            + " \"SQL_Injection\"}}]}\n");
  }

  private static String write(Path dir, String name, String content) throws IOException {
    return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static String write(Path dir, String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p.toString();
  }

  /** A chart as {@code helm package} writes it: a gzipped tar with NAME/Chart.yaml, values. */
  public static byte[] helmChart() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      tarEntry(gz, "app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
      tarEntry(gz, "app/values.yaml", "replicas: 1\n");
      gz.write(new byte[1024]);
    }
    return out.toByteArray();
  }

  private static void tarEntry(GZIPOutputStream gz, String name, String content)
      throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", data.length));
    put(header, 136, String.format("%011o", 0));
    header[156] = '0';
    put(header, 257, "ustar");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    gz.write(header);
    gz.write(data);
    gz.write(new byte[(512 - data.length % 512) % 512]);
  }

  private static void put(byte[] header, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, header, at, b.length);
  }

  public static byte[] zap() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("report_json.json"));
      zip.write(
          "{\"@programName\": \"ZAP\", \"@version\": \"2.14.0\", \"site\": []}"
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
