package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the public surface: arbitrary JSON bodies, bearer tokens and names.
 * Whatever arrives, the answer is never a 5xx and a rejected request changes nothing. Raise the
 * tries locally with -Djqwik.tries.default=20000 for a longer run.
 */
class FuzzIT {
  /** The JSON-B body endpoints; NestingLimitsIT sends its documents to these too. */
  static final List<String> JSON_ENDPOINTS =
      List.of(
          "POST /api/v1/auth/signup",
          "POST /api/v1/auth/login",
          "POST /api/v1/organizations",
          "POST /api/v1/api-tokens",
          "POST /api/v1/invitations",
          "PATCH /api/v1/organizations/fuzz-org",
          "PATCH /api/v1/members/00000000-0000-0000-0000-000000000000",
          "PATCH /api/v1/projects/fuzz/versions/v1");

  private static Fixtures.Account owner;
  private static String session;
  private static int calls;

  @BeforeContainer
  static void setUp() {
    owner = Fixtures.ownerWithOrg();
  }

  /**
   * The owner's API with a fresh login every 100 calls, so the per-credential rate limit (tested
   * elsewhere) does not turn fuzz cases into 429s.
   */
  private static Api api() {
    if (session == null || ++calls % 100 == 0) {
      session = Fixtures.login(owner.email());
    }
    return Api.withToken(session).header("Chainloop-Organization", owner.org());
  }

  @Provide
  Arbitrary<String> json() {
    Arbitrary<String> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(FuzzIT::quote),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.of(
                "true", "false", "null", "\"\"", "\"24h\"", "\"-1h\"", "\"viewer\"", "\"a@b.c\""));
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "name",
                "email",
                "password",
                "expiresIn",
                "project",
                "permissions",
                "role",
                "receiver",
                "description",
                "id",
                "orgId",
                "createdAt",
                "revokedAt",
                "apiTokenMaxDaysInactive",
                "apiTokenMaxLifetime"),
            Arbitraries.strings().alpha().ofMaxLength(10));
    Arbitrary<String> objects =
        Arbitraries.maps(keys, scalars)
            .ofMaxSize(6)
            .map(
                m ->
                    m.entrySet().stream()
                        .map(e -> quote(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
    Arbitrary<String> arrays =
        scalars.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(60);
    return Arbitraries.frequencyOf(
        Tuple.of(6, objects), Tuple.of(1, arrays), Tuple.of(1, scalars), Tuple.of(2, garbage));
  }

  @Provide
  Arbitrary<String> endpoint() {
    return Arbitraries.of(JSON_ENDPOINTS);
  }

  @Property(tries = 1500)
  void arbitraryBodiesNeverCauseA5xx(
      @ForAll("endpoint") String endpoint, @ForAll("json") String body) {
    String[] parts = endpoint.split(" ");
    Api.Reply reply = api().send(parts[0], parts[1], body, "application/json");
    assertThat(reply.status()).as(endpoint + " " + body + " -> " + reply).isLessThan(500);
    assertThat(reply.body()).doesNotContain("Exception");
  }

  @Provide
  Arbitrary<String> bearer() {
    Arbitrary<String> segment = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(80);
    return Arbitraries.oneOf(
        segment,
        segment.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l)),
        Arbitraries.strings()
            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            .ofMaxLength(60)
            .list()
            .ofSize(3)
            .map(l -> String.join(".", l)));
  }

  @Property(tries = 1500)
  void arbitraryBearerTokensAreUnauthorizedNeverErrors(@ForAll("bearer") String token) {
    Api.Reply reply =
        Api.anonymous()
            .header("Authorization", "Bearer " + token.replaceAll("[\\r\\n]", ""))
            .get("/api/v1/api-tokens");
    assertThat(reply.status()).as(token + " -> " + reply).isEqualTo(401);
  }

  @Property(tries = 1000)
  void invalidTokenNamesAreRejectedWithoutCreatingAnything(@ForAll("names") String name) {
    Api api = api();
    int before = api.get("/api/v1/api-tokens?status=active").json().getJsonArray("items").size();
    Api.Reply reply = api.post("/api/v1/api-tokens", "{\"name\":" + quote(name) + "}");
    int after = api.get("/api/v1/api-tokens?status=active").json().getJsonArray("items").size();
    // Each name has one right answer: a DNS-1123 label is created (earlier ones were revoked, so
    // never taken), anything else is a 400 that creates nothing.
    boolean valid = name.length() <= 63 && name.matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    if (valid) {
      assertThat(reply.status()).as(name + " -> " + reply).isEqualTo(201);
      assertThat(after).isEqualTo(before + 1);
      assertThat(api.delete("/api/v1/api-tokens/" + reply.json().getString("id")).status())
          .isEqualTo(204);
    } else {
      assertThat(reply.status()).as(name + " -> " + reply).isEqualTo(400);
      assertThat(after).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcxyz019-_.A ").ofMaxLength(70),
        Arbitraries.strings().ofMaxLength(20));
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
