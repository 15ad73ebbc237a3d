package dev.chainloop.ee.platform.error;

import dev.chainloop.ee.platform.web.RequestId;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error response; {@code instance} names the request
 * ({@link RequestId#instanceUri}), so a client's error can be found in the server's logs and audit.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    @Schema(nullable = true) List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://chainloop.dev/problems/";

  public static Problem of(int status, String slug, String detail, List<Violation> violations) {
    return new Problem(
        slug == null ? "about:blank" : TYPE_BASE + slug,
        titleFor(status),
        status,
        detail,
        RequestId.instanceUri(),
        violations == null || violations.isEmpty() ? null : violations);
  }

  static String titleFor(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}
