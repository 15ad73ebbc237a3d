package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** Material kinds: minimal but real format checks, and auto-detection in upstream's order. */
public final class Materials {
  public static final List<String> KINDS =
      List.of(
          "STRING",
          "CONTAINER_IMAGE",
          "ARTIFACT",
          "SBOM_CYCLONEDX_JSON",
          "SBOM_SPDX_JSON",
          "JUNIT_XML",
          "OPENVEX",
          "CSAF_VEX",
          "SARIF",
          "HELM_CHART",
          "EVIDENCE",
          "ATTESTATION");
  private static final List<String> DETECT_ORDER =
      List.of(
          "OPENVEX",
          "SBOM_CYCLONEDX_JSON",
          "SBOM_SPDX_JSON",
          "CSAF_VEX",
          "JUNIT_XML",
          "HELM_CHART",
          "SARIF",
          "ATTESTATION",
          "ARTIFACT");
  private static final Pattern IMAGE = Pattern.compile("[^\\s@]+@sha256:[0-9a-f]{64}");
  static final long MAX_PARSE_BYTES = 64L * 1024 * 1024;

  private Materials() {}

  public static boolean isFileKind(String kind) {
    return !kind.equals("STRING") && !kind.equals("CONTAINER_IMAGE");
  }

  public static String detect(String value) {
    Path p = Path.of(value);
    if (!Files.isRegularFile(p)) {
      return IMAGE.matcher(value).matches() ? "CONTAINER_IMAGE" : "STRING";
    }
    for (String kind : DETECT_ORDER) {
      if (validate(kind, value).isEmpty()) {
        return kind;
      }
    }
    return "ARTIFACT";
  }

  /** Empty if {@code value} is a valid {@code kind}, else the reason. */
  public static Optional<String> validate(String kind, String value) {
    if (kind.equals("STRING")) {
      return value.isEmpty() ? Optional.of("empty value") : Optional.empty();
    }
    if (kind.equals("CONTAINER_IMAGE")) {
      return IMAGE.matcher(value).matches()
          ? Optional.empty()
          : Optional.of("expected name@sha256:<digest> (registry resolution is not supported)");
    }
    Path p = Path.of(value);
    try {
      if (!Files.isRegularFile(p)) {
        return Optional.of("file " + value + " not found");
      }
      if (Files.size(p) == 0) {
        return Optional.of("the file is empty");
      }
      return switch (kind) {
        case "ARTIFACT", "EVIDENCE" -> Optional.empty();
        case "SBOM_CYCLONEDX_JSON" ->
            json(p)
                .filter(o -> "CycloneDX".equals(s(o, "bomFormat")))
                .map(o -> Optional.<String>empty())
                .orElse(Optional.of("not a CycloneDX JSON SBOM (bomFormat)"));
        case "SBOM_SPDX_JSON" ->
            json(p)
                .filter(o -> s(o, "spdxVersion") != null && s(o, "spdxVersion").startsWith("SPDX-"))
                .map(o -> Optional.<String>empty())
                .orElse(Optional.of("not an SPDX JSON document (spdxVersion)"));
        case "SARIF" ->
            json(p)
                .filter(
                    o -> s(o, "version") != null && o.get("runs") instanceof jakarta.json.JsonArray)
                .map(o -> Optional.<String>empty())
                .orElse(Optional.of("not a SARIF report (version, runs)"));
        case "OPENVEX" ->
            json(p)
                .filter(o -> s(o, "@context") != null && s(o, "@context").contains("openvex"))
                .map(o -> Optional.<String>empty())
                .orElse(Optional.of("not an OpenVEX document (@context)"));
        case "CSAF_VEX" ->
            json(p)
                .filter(
                    o ->
                        o.get("document") instanceof JsonObject d
                            && "csaf_vex".equals(s(d, "category")))
                .map(o -> Optional.<String>empty())
                .orElse(Optional.of("not a CSAF VEX document (document.category)"));
        case "ATTESTATION" ->
            json(p)
                .filter(
                    o ->
                        o.get("dsseEnvelope") instanceof JsonObject || o.get("payloadType") != null)
                .map(o -> Optional.<String>empty())
                .orElse(Optional.of("not a DSSE envelope or Sigstore bundle"));
        case "JUNIT_XML" -> junit(p);
        case "HELM_CHART" ->
            p.getFileName().toString().endsWith(".tgz")
                ? Optional.empty()
                : Optional.of("not a packaged Helm chart (.tgz)");
        default -> Optional.of("unsupported kind " + kind);
      };
    } catch (IOException e) {
      return Optional.of("cannot read " + value + ": " + e.getMessage());
    }
  }

  public static String normalizeKind(String kind) {
    String k = kind.trim().toUpperCase(Locale.ROOT);
    if (!KINDS.contains(k)) {
      throw new CliException("\"" + kind + "\" kind not found. Available options are " + KINDS);
    }
    return k;
  }

  private static Optional<JsonObject> json(Path p) throws IOException {
    if (Files.size(p) > MAX_PARSE_BYTES) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(p);
        var r = Json.createReader(in)) {
      return Optional.of(r.readObject());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> junit(Path p) throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try (InputStream in = Files.newInputStream(p)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT) {
          String root = r.getLocalName();
          return root.equals("testsuite") || root.equals("testsuites")
              ? Optional.empty()
              : Optional.of("not a JUnit XML report (root " + root + ")");
        }
      }
    } catch (Exception e) {
      return Optional.of("not a JUnit XML report");
    }
    return Optional.of("not a JUnit XML report");
  }

  private static String s(JsonObject o, String k) {
    return o.get(k) instanceof JsonString js ? js.getString() : null;
  }
}
