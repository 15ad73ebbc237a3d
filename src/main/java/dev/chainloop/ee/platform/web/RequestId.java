package dev.chainloop.ee.platform.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the request being served on this thread: the client's {@code X-Request-Id} when it is a
 * sane token, else the trace id of its W3C {@code traceparent}, else a new UUID. It is answered in
 * {@code X-Request-Id}, ends the request's access log line, and is the problem {@code instance}
 * (which the log line of a 500 names) and the audit events' {@code requestId}, so that one id links
 * a client's error to the server's records of it.
 */
public final class RequestId {
  /** The header a client may send and every answer carries. */
  public static final String HEADER = "X-Request-Id";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestId() {}

  /** The id for a request that sent {@code header} and {@code traceparent} (either may be null). */
  static String choose(String header, String traceparent) {
    if (header != null && TOKEN.matcher(header.trim()).matches()) {
      return header.trim();
    }
    if (traceparent != null) {
      var m = TRACEPARENT.matcher(traceparent.trim());
      if (m.matches() && !m.group(1).equals("0".repeat(32))) {
        return m.group(1);
      }
    }
    return UUID.randomUUID().toString();
  }

  static void set(String id) {
    CURRENT.set(id);
  }

  static void clear() {
    CURRENT.remove();
  }

  /** The id of the request this thread serves; empty outside a request (timers, start-up). */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * A URI naming this occurrence, for a problem's {@code instance}: {@code urn:uuid:<id>} when the
   * id is a UUID, else {@code urn:chainloop:request:<id>}; a new UUID outside a request.
   */
  public static String instanceUri() {
    String id = CURRENT.get();
    if (id == null) {
      return "urn:uuid:" + UUID.randomUUID();
    }
    return UUID_TEXT.matcher(id).matches() ? "urn:uuid:" + id : "urn:chainloop:request:" + id;
  }
}
