package dev.chainloop.ee.it.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * An organization admin cannot make the server call what only the server reaches: integration URLs
 * and CAS backend hosts that are, or resolve to, the cloud metadata address, private networks,
 * link-local or loopback addresses are refused at registration with a 400 naming the field, through
 * the REST API and the CLI. The IT server allows its loopback only ({@code
 * chainloop.outbound.allowed-networks=127.0.0.0/8,::1/128}, for the tests' receivers), so that an
 * allowed internal network is shown to pass and every other internal one to fail.
 */
class OutboundAddressesIT {
  private final Fixtures.Account owner = Fixtures.ownerWithOrg();

  private Api admin() {
    return owner.api().header("Chainloop-Organization", owner.org());
  }

  private Api.Reply webhook(String name, String url) {
    return admin()
        .post(
            "/api/v1/integrations/registered",
            "{\"kind\":\"webhook\",\"name\":\""
                + name
                + "\",\"options\":{\"url\":\""
                + url
                + "\",\"secret\":\"s\"}}");
  }

  private static void assertRefused(Api.Reply reply, String field, String address) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(
            reply.json().getJsonArray("violations").stream()
                .map(JsonValue::asJsonObject)
                .filter(v -> v.getString("field").equals(field)))
        .as(reply.toString())
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getString("message"))
                    .contains("must not point at an internal address")
                    .contains(address)
                    .contains("chainloop.outbound.allowed-networks"));
  }

  @Test
  void internalIntegrationUrlsAreRefusedAndAnAllowedNetworkPasses() {
    assertRefused(
        webhook("metadata", "http://169.254.169.254/latest/meta-data/"),
        "options.url",
        "169.254.169.254 (link-local)");
    assertRefused(webhook("private", "http://10.1.2.3:8080/hook"), "options.url", "10.1.2.3");
    assertRefused(webhook("private-b", "https://172.20.0.5/hook"), "options.url", "172.20.0.5");
    assertRefused(webhook("ula", "http://[fd12:3456::1]/hook"), "options.url", "private");
    assertRefused(webhook("zero", "http://0.0.0.0:9080/"), "options.url", "unspecified");
    assertRefused(
        admin()
            .post(
                "/api/v1/integrations/registered",
                "{\"kind\":\"dependency-track\",\"name\":\"dt\",\"options\":"
                    + "{\"instanceURI\":\"http://192.168.10.20:8081\",\"apiKey\":\"k\"}}"),
        "options.instanceURI",
        "192.168.10.20");
    assertThat(admin().get("/api/v1/integrations/registered").json().getJsonArray("items"))
        .as("nothing of a refused registration is stored")
        .isEmpty();

    // Loopback is in this server's allowed networks: the same kind of URL is accepted there.
    Api.Reply allowed = webhook("loopback", "http://127.0.0.1:9/hook");
    assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);

    // An update cannot re-point a registered integration at an internal address either.
    Api.Reply repointed =
        admin()
            .patch(
                "/api/v1/integrations/registered/loopback",
                "{\"options\":{\"url\":\"http://169.254.169.254/\"}}");
    assertRefused(repointed, "options.url", "169.254.169.254");
    assertThat(admin().get("/api/v1/integrations/registered/loopback").body())
        .contains("127.0.0.1:9")
        .doesNotContain("169.254.169.254");
  }

  @Test
  void theCliSaysWhyInOneLineAndCasBackendHostsAreCheckedToo() {
    Cli cli = new Cli();
    Cli.Result refused =
        cli.run(
            "integration",
            "registered",
            "add",
            "webhook",
            "--name",
            "metadata",
            "--opt",
            "url=http://169.254.169.254/latest/meta-data/",
            "--opt",
            "secret=s",
            "--token",
            owner.userToken(),
            "--org",
            owner.org());
    assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    assertThat(refused.stderr().lines().filter(l -> l.startsWith("ERR")))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("ERR options.url: must not point at an internal address")
                    .contains("169.254.169.254"));
    assertThat(refused.stderr()).doesNotContain("Exception");

    Cli.Result registry =
        cli.run(
            "cas-backend",
            "add",
            "oci",
            "--name",
            "internal",
            "--repo",
            "10.0.0.7:5000/team/cas",
            "--username",
            "u",
            "--password",
            "p",
            "--token",
            owner.userToken(),
            "--org",
            owner.org());
    assertThat(registry.exitCode()).as(registry.toString()).isNotZero();
    assertThat(registry.stderr())
        .contains("location: must not point at an internal address: 10.0.0.7 (private)");

    Cli.Result s3 =
        cli.run(
            "cas-backend",
            "add",
            "aws-s3",
            "--name",
            "metadata-s3",
            "--bucket",
            "bucket",
            "--endpoint",
            "http://169.254.169.254",
            "--access-key-id",
            "AKIAEXAMPLE",
            "--secret-access-key",
            "secret",
            "--region",
            "us-east-1",
            "--token",
            owner.userToken(),
            "--org",
            owner.org());
    assertThat(s3.exitCode()).as(s3.toString()).isNotZero();
    assertThat(s3.stderr()).contains("location: must not point at an internal address");
  }
}
