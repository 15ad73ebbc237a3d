package dev.chainloop.ee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Creates users, organizations and tokens through the public API, each test with its own. */
public final class Fixtures {
  public static final String PASSWORD = "correct-horse-battery";

  private Fixtures() {}

  /** A logged-in user who owns a fresh organization, on the server at {@code url}. */
  public record Account(String url, String email, String userToken, String org) {
    /** On the IT server. */
    public Account(String email, String userToken, String org) {
      this(Api.BASE_URL, email, userToken, org);
    }

    public Api api() {
      return Api.withToken(userToken).on(url);
    }
  }

  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String signupAndLogin(String email) {
    return signupAndLogin(Api.BASE_URL, email);
  }

  /** Signs {@code email} up on the server at {@code url} and answers its user token. */
  public static String signupAndLogin(String url, String email) {
    Api.Reply signup =
        Api.anonymous()
            .on(url)
            .post(
                "/api/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
    return login(url, email);
  }

  public static String login(String email) {
    return login(Api.BASE_URL, email);
  }

  public static String login(String url, String email) {
    Api.Reply login =
        Api.anonymous()
            .on(url)
            .post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json().getString("token");
  }

  public static Account ownerWithOrg() {
    return ownerWithOrg(Api.BASE_URL);
  }

  /** A new user owning a new organization on the server at {@code url}. */
  public static Account ownerWithOrg(String url) {
    String email = uniqueName("user") + "@example.com";
    String token = signupAndLogin(url, email);
    String org = uniqueName("org");
    Api.Reply created =
        Api.withToken(token).on(url).post("/api/v1/organizations", "{\"name\":\"" + org + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Account(url, email, token, org);
  }

  /** An organization-level API token of {@code account}'s organization. */
  public static String apiToken(Account account, String body) {
    Api.Reply created =
        account
            .api()
            .header("Chainloop-Organization", account.org())
            .post("/api/v1/api-tokens", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("token");
  }

  public static String apiToken(Account account) {
    return apiToken(account, "{\"name\":\"" + uniqueName("ci") + "\"}");
  }
}
