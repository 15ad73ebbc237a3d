package dev.chainloop.ee.cli.client;

import dev.chainloop.ee.cli.client.model.ApiObject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.FileNotFoundException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the control plane's API (docs/openapi.yaml) as the CLI calls it: method, path
 * template, query parameters, body and answer. Declared only in {@link ControlPlane}; the drift
 * test checks each declaration against the document.
 *
 * @param <R> the view of the JSON answer, {@link Void} for none
 */
final class Endpoint<R> {
  /** What the request carries. */
  enum Body {
    NONE,
    /** A request record, written as JSON. */
    JSON,
    /** JSON bytes made elsewhere (a signed bundle), sent as they are. */
    JSON_BYTES,
    /** A file, streamed. */
    FILE,
    /** Bytes of another media type ({@link #bodyMediaType}). */
    BINARY,
    /** A request record, written as application/x-www-form-urlencoded (OAuth endpoints). */
    FORM
  }

  /** What a 2xx answer carries. */
  enum Answer {
    NONE,
    JSON,
    BYTES
  }

  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

  final String method;
  final String path;
  final String operationId;
  final Map<String, Class<?>> query = new LinkedHashMap<>();
  final Answer answer;
  final Class<R> view;
  Body body = Body.NONE;
  Class<? extends Record> bodyType;
  String bodyMediaType;

  /** The media type of a {@link Answer#BYTES} answer. */
  String answerMediaType = "application/octet-stream";

  private Endpoint(String method, String path, String operationId, Answer answer, Class<R> view) {
    this.method = method;
    this.path = path;
    this.operationId = operationId;
    this.answer = answer;
    this.view = view;
  }

  static <R extends ApiObject> Endpoint<R> json(
      String method, String path, String operationId, Class<R> view) {
    return new Endpoint<>(method, path, operationId, Answer.JSON, view);
  }

  /** An operation whose answer the CLI does not read (204, or a body it ignores). */
  static Endpoint<Void> noAnswer(String method, String path, String operationId) {
    return new Endpoint<>(method, path, operationId, Answer.NONE, Void.class);
  }

  static Endpoint<Void> bytes(String path, String operationId) {
    return new Endpoint<>("GET", path, operationId, Answer.BYTES, Void.class);
  }

  /** An operation answering bytes of {@code mediaType} (not a download: a small binary reply). */
  static Endpoint<Void> binary(String method, String path, String operationId, String mediaType) {
    Endpoint<Void> e = new Endpoint<>(method, path, operationId, Answer.BYTES, Void.class);
    e.answerMediaType = mediaType;
    return e;
  }

  Endpoint<R> query(String name, Class<?> type) {
    query.put(name, type);
    return this;
  }

  Endpoint<R> body(Class<? extends Record> type) {
    body = Body.JSON;
    bodyType = type;
    return this;
  }

  Endpoint<R> formBody(Class<? extends Record> type) {
    body = Body.FORM;
    bodyType = type;
    return this;
  }

  Endpoint<R> jsonBytesBody() {
    body = Body.JSON_BYTES;
    return this;
  }

  Endpoint<R> binaryBody(String mediaType) {
    body = Body.BINARY;
    bodyMediaType = mediaType;
    return this;
  }

  Endpoint<R> fileBody() {
    body = Body.FILE;
    return this;
  }

  Call<R> call(String... pathValues) {
    return new Call<>(this, pathValues);
  }

  /**
   * One request to an endpoint. Misuse (an undeclared parameter, a value of another type, a body of
   * another kind) is a programming error and fails at once.
   */
  static final class Call<R> {
    private final Endpoint<R> endpoint;
    private final String target;
    private final Map<String, String> query = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    private String contentType;

    private Call(Endpoint<R> endpoint, String[] pathValues) {
      this.endpoint = endpoint;
      this.target = expand(endpoint.path, pathValues);
    }

    /** Adds a query parameter; null and empty values are left out, as the server's defaults. */
    Call<R> query(String name, Object value) {
      Class<?> type = endpoint.query.get(name);
      if (type == null || (value != null && !type.isInstance(value))) {
        throw new IllegalArgumentException(
            endpoint.operationId + " has no " + name + " query parameter of type " + type);
      }
      if (value != null && !value.toString().isEmpty()) {
        query.put(name, value.toString());
      }
      return this;
    }

    Call<R> json(Record value) {
      require(Body.JSON);
      if (value.getClass() != endpoint.bodyType) {
        throw new IllegalArgumentException(endpoint.operationId + " takes " + endpoint.bodyType);
      }
      return content(write(value).toString().getBytes(StandardCharsets.UTF_8), "application/json");
    }

    Call<R> form(Record value) {
      require(Body.FORM);
      if (value.getClass() != endpoint.bodyType) {
        throw new IllegalArgumentException(endpoint.operationId + " takes " + endpoint.bodyType);
      }
      StringJoiner form = new StringJoiner("&");
      write(value)
          .forEach(
              (name, v) ->
                  form.add(component(name) + "=" + component(((JsonString) v).getString())));
      return content(
          form.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    Call<R> jsonBytes(byte[] value) {
      require(Body.JSON_BYTES);
      return content(value, "application/json");
    }

    Call<R> binary(byte[] value) {
      require(Body.BINARY);
      return content(value, endpoint.bodyMediaType);
    }

    Call<R> file(Path file) throws FileNotFoundException {
      require(Body.FILE);
      body = HttpRequest.BodyPublishers.ofFile(file);
      contentType = "application/octet-stream";
      return this;
    }

    private Call<R> content(byte[] bytes, String type) {
      body = HttpRequest.BodyPublishers.ofByteArray(bytes);
      contentType = type;
      return this;
    }

    private void require(Body kind) {
      if (endpoint.body != kind) {
        throw new IllegalArgumentException(
            endpoint.operationId + " takes a " + endpoint.body + " body");
      }
    }

    ApiClient.Request request() {
      StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
      query.forEach((k, v) -> q.add(component(k) + "=" + component(v)));
      // Artifacts, bundles and downloads may be large: they get minutes, other calls a minute.
      boolean transfer = endpoint.body == Body.FILE || endpoint.answer == Answer.BYTES;
      return new ApiClient.Request(
          endpoint.method,
          target + q,
          body,
          contentType,
          endpoint.answer == Answer.BYTES ? endpoint.answerMediaType : null,
          transfer);
    }

    /** The view of a JSON answer; a body that is not an object reads as an empty one. */
    R read(JsonValue answer) {
      if (endpoint.answer != Answer.JSON) {
        return null;
      }
      JsonObject object = answer instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
      try {
        return endpoint.view.getConstructor(JsonObject.class).newInstance(object);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            endpoint.view + " needs a public (JsonObject) constructor", e);
      }
    }
  }

  private static String expand(String template, String[] values) {
    long expected = PARAMETER.matcher(template).results().count();
    if (expected != values.length) {
      throw new IllegalArgumentException(
          template + " takes " + expected + " path values, not " + values.length);
    }
    Matcher m = PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    for (String value : values) {
      m.find();
      m.appendReplacement(out, Matcher.quoteReplacement(segment(value)));
    }
    return m.appendTail(out).toString();
  }

  /** Percent-encodes a query name or value. */
  static String component(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Percent-encodes a path segment (names and ids chosen by users); a colon, valid in a segment,
   * stays as it is, so digests read {@code sha256:...}.
   */
  static String segment(String value) {
    return component(value).replace("%3A", ":");
  }

  /**
   * A request record as a JSON object: one member per component, named as the component, in
   * declaration order; null components are left out.
   */
  static JsonObject write(Record value) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
      if (v instanceof String s) {
        b.add(c.getName(), s);
      } else if (v instanceof Integer n) {
        b.add(c.getName(), n);
      } else if (v instanceof Long n) {
        b.add(c.getName(), n);
      } else if (v instanceof Boolean bool) {
        b.add(c.getName(), bool);
      } else if (v instanceof JsonValue json) {
        b.add(c.getName(), json);
      } else if (v instanceof List<?> list) {
        var array = Json.createArrayBuilder();
        list.forEach(e -> array.add((String) e));
        b.add(c.getName(), array);
      } else if (v != null) {
        throw new IllegalStateException("unsupported request field type " + c.getType());
      }
    }
    return b.build();
  }
}
