package dev.chainloop.ee.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressesTest {
  private final OutboundAddresses none = new OutboundAddresses(List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "169.254.169.254",
        "fe80::1",
        "10.0.0.1",
        "172.16.5.4",
        "172.31.255.255",
        "192.168.1.1",
        "fd00::1",
        "fc00::2",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "0.1.2.3",
        "::",
        "224.0.0.1",
        "ff02::1",
        "255.255.255.255",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254"
      })
  void internalAddressesAreRefused(String ip) throws Exception {
    assertThat(OutboundAddresses.internal(InetAddress.getByName(ip))).as(ip).isTrue();
    String host = ip.contains(":") ? "[" + ip + "]" : ip;
    assertThat(none.refusal(URI.create("http://" + host + ":8080/x"))).as(ip).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "172.32.0.1",
        "172.15.255.255",
        "100.128.0.1",
        "100.63.255.255",
        "192.169.0.1",
        "2001:4860:4860::8888",
        "2606:4700::1111"
      })
  void publicAddressesPass(String ip) throws Exception {
    assertThat(OutboundAddresses.internal(InetAddress.getByName(ip))).as(ip).isFalse();
    String host = ip.contains(":") ? "[" + ip + "]" : ip;
    assertThat(none.refusal(URI.create("https://" + host + "/hook"))).as(ip).isEmpty();
  }

  @Test
  void aHostNameIsJudgedByTheAddressesItResolvesTo() {
    assertThat(none.refusal(URI.create("http://localhost:9080/")))
        .hasValueSatisfying(r -> assertThat(r).contains("localhost is ").contains("(loopback)"));
    assertThat(none.refusal(URI.create("https://no-such-host.invalid/hook")))
        .as("unknown now: every call checks it again")
        .isEmpty();
  }

  @Test
  void allowedNetworksLetTheirAddressesThroughAndNoOthers() {
    OutboundAddresses allowed =
        new OutboundAddresses(
            List.of("10.20.0.0/16", " 127.0.0.1 ", "fd00:1::/32", "bogus", "10.0.0.0/40"));
    assertThat(allowed.refusal(URI.create("http://10.20.3.4/"))).isEmpty();
    assertThat(allowed.refusal(URI.create("http://10.20.255.255/"))).isEmpty();
    assertThat(allowed.refusal(URI.create("http://10.21.0.1/"))).isPresent();
    assertThat(allowed.refusal(URI.create("http://127.0.0.1:1/"))).isEmpty();
    assertThat(allowed.refusal(URI.create("http://127.0.0.2:1/"))).isPresent();
    assertThat(allowed.refusal(URI.create("http://[fd00:1:ffff::9]/"))).isEmpty();
    assertThat(allowed.refusal(URI.create("http://[fd00:2::9]/"))).isPresent();
    assertThat(allowed.refusal(URI.create("http://169.254.169.254/"))).isPresent();
  }

  @Test
  void networksAreParsedStrictly() {
    assertThat(OutboundAddresses.Network.parse("10.0.0.0/8").bits()).isEqualTo(8);
    assertThat(OutboundAddresses.Network.parse("::1").bits()).isEqualTo(128);
    for (String bad :
        List.of("example.com", "10.0.0.0/33", "10.0.0.0/x", "::/129", "10.0.0.0/-1")) {
      assertThatThrownBy(() -> OutboundAddresses.Network.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aRegistrationCheckIsA400NamingTheField() {
    assertThatThrownBy(() -> none.check("options.url", URI.create("http://169.254.169.254/latest")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must not point at an internal address: 169.254.169.254 (link-local)")
        .hasMessageContaining("chainloop.outbound.allowed-networks");
    none.check("options.url", URI.create("https://203.0.113.10/hook"));
  }
}
