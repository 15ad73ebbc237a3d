package dev.chainloop.ee.platform.web;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which hosts the server may call on an organization's behalf (webhooks, Slack and Discord,
 * Dependency-Track, OCI registries and S3 endpoints of CAS backends). An organization admin names
 * those URLs, so without a rule they would reach what only the server can reach: its own loopback,
 * the cloud's metadata service (169.254.169.254), the cluster's private network. Addresses that are
 * loopback, link-local, private (RFC 1918, RFC 4193), carrier-grade NAT, unspecified, multicast or
 * broadcast are refused unless they lie in a network of {@code chainloop.outbound.allowed-networks}
 * (CIDRs, e.g. {@code 10.20.0.0/16} for an internal Dependency-Track).
 *
 * <p>A URL is checked when it is registered (a 400 naming the field) and, for deliveries, again
 * before every call, on the addresses its host resolves to then: a name re-pointed at an internal
 * address after registration is refused too. The JDK resolves again when it connects, so a DNS
 * answer changed between the two look-ups within the resolver cache's lifetime is not caught.
 */
@ApplicationScoped
public class OutboundAddresses {
  private static final Logger LOG = Logger.getLogger(OutboundAddresses.class.getName());
  private static final String SETTING = "chainloop.outbound.allowed-networks";

  @Inject ChainloopConfig config;

  private List<Network> allowed = List.of();

  OutboundAddresses() {}

  /** A policy allowing {@code networks} besides the public internet (tests). */
  public OutboundAddresses(List<String> networks) {
    this.allowed = parse(networks);
  }

  @PostConstruct
  void load() {
    allowed = parse(config.outboundAllowedNetworks());
  }

  private static List<Network> parse(List<String> networks) {
    List<Network> parsed = new ArrayList<>();
    for (String n : networks) {
      if (n.isBlank()) {
        continue;
      }
      try {
        parsed.add(Network.parse(n.trim()));
      } catch (IllegalArgumentException e) {
        LOG.severe(SETTING + ": \"" + n.trim() + "\" is left out: " + e.getMessage());
      }
    }
    return List.copyOf(parsed);
  }

  /**
   * At registration: {@code url}'s host must not be, or resolve to, a refused address ({@code
   * field} names it in the 400). A name that does not resolve now is accepted; each call checks it.
   */
  public void check(String field, URI url) {
    Optional<String> refused = refusal(url);
    if (refused.isPresent()) {
      throw new InvalidInputException(
          field,
          refused.get() + "; allow its network with " + SETTING + " if the server should call it");
    }
  }

  /** Why a call to {@code url} now is refused; empty when it may go (or its host is unknown). */
  public Optional<String> refusal(URI url) {
    String host = url.getHost();
    if (host == null) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException unknown) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (internal(address) && allowed.stream().noneMatch(n -> n.contains(address))) {
        return Optional.of(
            "must not point at an internal address: "
                + host
                + (host.equals(address.getHostAddress()) ? "" : " is " + address.getHostAddress())
                + " ("
                + kind(address)
                + ")");
      }
    }
    return Optional.empty();
  }

  /** Whether {@code address} is one only this server's own networks reach. */
  static boolean internal(InetAddress address) {
    return !kind(address).equals("public");
  }

  private static String kind(InetAddress address) {
    byte[] b = address.getAddress();
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "unspecified";
      }
      if (first == 100 && (second & 0xc0) == 64) {
        return "carrier-grade NAT";
      }
      if (first == 255 && (b[1] & b[2] & b[3] & 0xff) == 0xff) {
        return "broadcast";
      }
    } else if ((b[0] & 0xfe) == 0xfc) {
      return "private";
    }
    return "public";
  }

  /** A CIDR network. */
  static final class Network {
    private final byte[] prefix;
    private final int bits;

    private Network(byte[] prefix, int bits) {
      this.prefix = prefix;
      this.bits = bits;
    }

    int bits() {
      return bits;
    }

    static Network parse(String cidr) {
      int slash = cidr.indexOf('/');
      String host = slash < 0 ? cidr : cidr.substring(0, slash);
      if (!host.matches("[0-9A-Fa-f.:]+")) {
        throw new IllegalArgumentException("not an IP address or CIDR network");
      }
      byte[] address;
      try {
        address = InetAddress.getByName(host).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address or CIDR network");
      }
      int bits;
      try {
        bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the prefix length is not a number");
      }
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException("the prefix length is out of range");
      }
      return new Network(address, bits);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != prefix.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((a[i / 8] & mask) != (prefix[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
