package dev.chainloop.ee.cli.client;

import dev.chainloop.ee.cli.client.model.ApiObject;
import dev.chainloop.ee.cli.client.model.ApiSchema;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the CLI's typed client uses (endpoints, request records, response views) against an
 * OpenAPI document: paths, methods, operation ids, parameters, bodies, and every field by name and
 * type. Each mismatch is one line of {@link #problems()}.
 *
 * <p>A view's fields are found by calling each of its accessors on an object that records the names
 * read: each accessor must read exactly one field, whose type its return type gives.
 */
final class OpenApiContract {
  private final Map<String, Object> document;
  private final List<String> problems = new ArrayList<>();
  private final Set<Class<?>> checked = new HashSet<>();

  OpenApiContract(Map<String, Object> document) {
    this.document = document;
  }

  List<String> problems() {
    return problems;
  }

  /** The request records and response views checked so far. */
  Set<Class<?>> checked() {
    return checked;
  }

  void check(Endpoint<?> e) {
    String where = e.method + " " + e.path + " (" + e.operationId + ")";
    Map<String, Object> pathItem = map(map(document.get("paths")).get(e.path));
    if (pathItem.isEmpty()) {
      problems.add(where + ": the document has no such path");
      return;
    }
    Map<String, Object> op = map(pathItem.get(e.method.toLowerCase(Locale.ROOT)));
    if (op.isEmpty()) {
      problems.add(where + ": the document has no " + e.method + " on this path");
      return;
    }
    if (!e.operationId.equals(op.get("operationId"))) {
      problems.add(where + ": the document's operationId is " + op.get("operationId"));
    }
    checkParameters(where, e, list(op.get("parameters")));
    checkBody(where, e, map(op.get("requestBody")));
    checkAnswer(where, e, map(op.get("responses")));
  }

  private void checkParameters(String where, Endpoint<?> e, List<Object> parameters) {
    Set<String> pathNames = new LinkedHashSet<>();
    for (Object p : parameters) {
      if ("path".equals(map(p).get("in"))) {
        pathNames.add((String) map(p).get("name"));
      }
    }
    Set<String> templateNames = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(e.path);
    while (m.find()) {
      templateNames.add(m.group(1));
    }
    if (!pathNames.equals(templateNames)) {
      problems.add(where + ": path parameters " + templateNames + ", document " + pathNames);
    }
    e.query.forEach(
        (name, type) -> {
          Map<String, Object> declared =
              parameters.stream()
                  .map(OpenApiContract::map)
                  .filter(p -> "query".equals(p.get("in")) && name.equals(p.get("name")))
                  .findFirst()
                  .orElse(Map.of());
          if (declared.isEmpty()) {
            problems.add(where + ": the document has no query parameter " + name);
            return;
          }
          String expected = javaType(type);
          String actual = schemaType(map(declared.get("schema")));
          if (!expected.equals(actual)) {
            problems.add(where + ": query " + name + " is " + expected + ", document " + actual);
          }
        });
  }

  private void checkBody(String where, Endpoint<?> e, Map<String, Object> requestBody) {
    Map<String, Object> content = map(requestBody.get("content"));
    switch (e.body) {
      case NONE -> {
        if (Boolean.TRUE.equals(requestBody.get("required"))) {
          problems.add(where + ": the document requires a body, the CLI sends none");
        }
      }
      case JSON -> {
        String expected = schemaName(e.bodyType);
        String actual = refName(map(map(content.get("application/json")).get("schema")));
        if (!expected.equals(actual)) {
          problems.add(where + ": body is " + expected + ", document " + actual);
        } else {
          checkRecord(e.bodyType, expected);
        }
      }
      case JSON_BYTES -> {
        if (!content.containsKey("application/json")) {
          problems.add(where + ": the document takes no application/json body");
        }
      }
      case FILE -> {
        if (!content.containsKey("application/octet-stream") && !content.containsKey("*/*")) {
          problems.add(where + ": the document takes no binary body");
        }
      }
      case BINARY -> {
        if (!content.containsKey(e.bodyMediaType)) {
          problems.add(where + ": the document takes no " + e.bodyMediaType + " body");
        }
      }
      case FORM -> {
        Map<String, Object> schema =
            map(map(content.get("application/x-www-form-urlencoded")).get("schema"));
        Map<String, Object> fields = map(schema.get("properties"));
        for (RecordComponent c : e.bodyType.getRecordComponents()) {
          if (!fields.containsKey(c.getName())) {
            problems.add(where + ": the document's form has no field " + c.getName());
          }
        }
      }
    }
  }

  private void checkAnswer(String where, Endpoint<?> e, Map<String, Object> responses) {
    Map<String, Object> content =
        responses.entrySet().stream()
            .filter(r -> r.getKey().startsWith("2"))
            .map(r -> map(map(r.getValue()).get("content")))
            .filter(c -> !c.isEmpty())
            .findFirst()
            .orElse(Map.of());
    switch (e.answer) {
      case NONE -> {
        // the CLI reads nothing of the answer
      }
      case JSON -> {
        String expected = schemaName(e.view);
        String actual = refName(map(map(content.get("application/json")).get("schema")));
        if (!expected.equals(actual)) {
          problems.add(where + ": answer is " + expected + ", document " + actual);
        } else {
          checkView(e.view.asSubclass(ApiObject.class), expected);
        }
      }
      case BYTES -> {
        if (!content.containsKey(e.answerMediaType)) {
          problems.add(where + ": the document answers no " + e.answerMediaType);
        }
      }
    }
  }

  void checkRecord(Class<? extends Record> type, String schema) {
    checked.add(type);
    Map<String, Object> properties = properties(schema);
    for (RecordComponent c : type.getRecordComponents()) {
      check(schema + "." + c.getName(), javaType(c.getGenericType()), properties.get(c.getName()));
    }
    for (Object required : list(map(schemas().get(schema)).get("required"))) {
      if (properties.containsKey(required)
          && List.of(type.getRecordComponents()).stream()
              .noneMatch(c -> c.getName().equals(required))) {
        problems.add(schema + "." + required + ": required by the document, never sent");
      }
    }
  }

  void checkView(Class<? extends ApiObject> view, String schema) {
    if (!checked.add(view)) {
      return;
    }
    Map<String, Object> properties = properties(schema);
    Recorder recorder = new Recorder();
    ApiObject instance;
    try {
      instance = view.getConstructor(JsonObject.class).newInstance(recorder);
    } catch (ReflectiveOperationException e) {
      problems.add(view.getSimpleName() + ": needs a public (JsonObject) constructor");
      return;
    }
    for (Method m : accessors(view)) {
      recorder.read.clear();
      try {
        m.invoke(instance);
      } catch (IllegalAccessException | InvocationTargetException e) {
        problems.add(view.getSimpleName() + "." + m.getName() + "(): " + e);
        continue;
      }
      if (recorder.read.size() != 1) {
        problems.add(
            view.getSimpleName() + "." + m.getName() + "() reads " + recorder.read + ", not one");
        continue;
      }
      String field = recorder.read.get(0);
      Type returned = m.getGenericReturnType();
      check(schema + "." + field, javaType(returned), properties.get(field));
      viewIn(returned).ifPresent(nested -> checkView(nested, schemaName(nested)));
    }
  }

  private void check(String where, String expected, Object property) {
    if (property == null) {
      problems.add(where + ": not in the document");
      return;
    }
    String actual = schemaType(map(property));
    if (!expected.equals(actual)) {
      problems.add(where + ": the CLI reads " + expected + ", the document says " + actual);
    }
  }

  /** The public instance accessors a view declares, its abstract bases' included. */
  private static List<Method> accessors(Class<?> view) {
    List<Method> out = new ArrayList<>();
    for (Class<?> c = view; c != ApiObject.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())
            && !Modifier.isStatic(m.getModifiers())
            && !m.isSynthetic()
            && m.getParameterCount() == 0) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** The view class a return type names, directly or as a list's elements. */
  private static Optional<Class<? extends ApiObject>> viewIn(Type type) {
    if (type instanceof ParameterizedType p) {
      return viewIn(p.getActualTypeArguments()[0]);
    }
    if (type instanceof Class<?> c && ApiObject.class.isAssignableFrom(c)) {
      return Optional.of(c.asSubclass(ApiObject.class));
    }
    return Optional.empty();
  }

  /** A Java type as the document's type would read: {@code integer/int64}, {@code array:string}. */
  String javaType(Type type) {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type arg = p.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        return javaType(arg);
      }
      if (raw == List.class) {
        return "array:" + javaType(arg);
      }
    }
    if (type == String.class) {
      return "string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == int.class || type == Integer.class) {
      return "integer/int32";
    }
    if (type == long.class || type == Long.class) {
      return "integer/int64";
    }
    if (type == Instant.class) {
      return "date-time";
    }
    if (type instanceof Class<?> c && ApiObject.class.isAssignableFrom(c)) {
      return "object:" + schemaName(c);
    }
    if (type == JsonObject.class) {
      return "object"; // a free-form object the CLI passes through (an in-toto descriptor)
    }
    return "unsupported " + type.getTypeName();
  }

  /** A document schema as {@link #javaType} writes types. */
  String schemaType(Map<String, Object> schema) {
    String ref = refName(schema);
    if (ref != null) {
      Map<String, Object> target = map(schemas().get(ref));
      return "string".equals(type(target)) && "date-time".equals(target.get("format"))
          ? "date-time"
          : "object:" + ref;
    }
    String type = type(schema);
    if (type == null) {
      return "untyped";
    }
    return switch (type) {
      case "string" -> "date-time".equals(schema.get("format")) ? "date-time" : "string";
      case "integer" -> "integer/" + ("int64".equals(schema.get("format")) ? "int64" : "int32");
      case "array" -> "array:" + schemaType(map(schema.get("items")));
      default -> type;
    };
  }

  /** {@code type}, or the one non-null type of an OpenAPI 3.1 type list. */
  private static String type(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof List<?> types) {
      return types.stream()
          .filter(t -> !"null".equals(t))
          .map(Object::toString)
          .findFirst()
          .orElse(null);
    }
    return (String) type;
  }

  private static String refName(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    return ref == null ? null : ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
  }

  private Map<String, Object> schemas() {
    return map(map(document.get("components")).get("schemas"));
  }

  private Map<String, Object> properties(String schema) {
    Map<String, Object> s = map(schemas().get(schema));
    if (s.isEmpty()) {
      problems.add(schema + ": not a schema of the document");
    }
    return map(s.get("properties"));
  }

  static String schemaName(Class<?> type) {
    ApiSchema schema = type.getAnnotation(ApiSchema.class);
    return schema == null ? type.getSimpleName() + " (no @ApiSchema)" : schema.value();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** An empty JSON object that remembers which members were asked for. */
  private static final class Recorder extends AbstractMap<String, JsonValue> implements JsonObject {
    final List<String> read = new ArrayList<>();

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
      return Set.of();
    }

    @Override
    public JsonValue get(Object key) {
      read.add((String) key);
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      read.add((String) key);
      return false;
    }

    @Override
    public JsonArray getJsonArray(String name) {
      throw unsupported();
    }

    @Override
    public JsonObject getJsonObject(String name) {
      throw unsupported();
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
      throw unsupported();
    }

    @Override
    public JsonString getJsonString(String name) {
      throw unsupported();
    }

    @Override
    public String getString(String name) {
      throw unsupported();
    }

    @Override
    public String getString(String name, String defaultValue) {
      throw unsupported();
    }

    @Override
    public int getInt(String name) {
      throw unsupported();
    }

    @Override
    public int getInt(String name, int defaultValue) {
      throw unsupported();
    }

    @Override
    public boolean getBoolean(String name) {
      throw unsupported();
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
      throw unsupported();
    }

    @Override
    public boolean isNull(String name) {
      throw unsupported();
    }

    @Override
    public ValueType getValueType() {
      return ValueType.OBJECT;
    }

    /** Views read members with {@code get} only, so the recorder sees every read. */
    private static UnsupportedOperationException unsupported() {
      return new UnsupportedOperationException("views read members with get(name)");
    }
  }
}
