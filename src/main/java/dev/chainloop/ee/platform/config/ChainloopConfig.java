package dev.chainloop.ee.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every server setting in one place. Each key can be set by an environment variable of the same
 * name upper-cased with dots and dashes as underscores (chainloop.data.dir = CHAINLOOP_DATA_DIR).
 */
@ApplicationScoped
public class ChainloopConfig {
  @Inject
  @ConfigProperty(name = "chainloop.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "chainloop.keys.dir")
  String keysDir;

  @Inject
  @ConfigProperty(name = "chainloop.backup.dir")
  String backupDir;

  @Inject
  @ConfigProperty(name = "chainloop.ops.token-file")
  String opsTokenFile;

  @Inject
  @ConfigProperty(name = "chainloop.jwt.issuer", defaultValue = "cp.chainloop")
  String issuer;

  @Inject
  @ConfigProperty(name = "chainloop.user-token.ttl", defaultValue = "24h")
  String userTokenTtl;

  @Inject
  @ConfigProperty(name = "chainloop.signup.mode", defaultValue = "open")
  String signupMode;

  @Inject
  @ConfigProperty(name = "chainloop.limits.body-bytes", defaultValue = "4194304")
  long bodyLimitBytes;

  @Inject
  @ConfigProperty(name = "chainloop.login.max-failures", defaultValue = "5")
  int loginMaxFailures;

  @Inject
  @ConfigProperty(name = "chainloop.login.lockout", defaultValue = "60s")
  String loginLockout;

  @Inject
  @ConfigProperty(name = "chainloop.external-url")
  Optional<String> externalUrl;

  /** An external RFC 3161 timestamp authority to use instead of the built-in one. */
  @Inject
  @ConfigProperty(name = "chainloop.timestamp-authority.url")
  Optional<String> timestampAuthorityUrl;

  /** The external timestamp authority's certificate chain, PEM, leaf first. */
  @Inject
  @ConfigProperty(name = "chainloop.timestamp-authority.cert-chain")
  Optional<String> timestampAuthorityCertChain;

  /**
   * How far back a keyless signing certificate's validity starts: a runner's clock may be behind.
   */
  @Inject
  @ConfigProperty(name = "chainloop.signing.clock-skew", defaultValue = "1m")
  String signingClockSkew;

  /** Internal networks the server may call on an organization's behalf (OutboundAddresses). */
  @Inject
  @ConfigProperty(name = "chainloop.outbound.allowed-networks")
  Optional<List<String>> outboundAllowedNetworks;

  public Path dataDir() {
    return Path.of(dataDir);
  }

  public Path keysDir() {
    return Path.of(keysDir);
  }

  /** Where the online backup of the embedded database is written (scripts/backup). */
  public Path backupDir() {
    return Path.of(backupDir);
  }

  /** The secret an operator sends to the operations endpoints; no file disables them. */
  public Path opsTokenFile() {
    return Path.of(opsTokenFile);
  }

  public String issuer() {
    return issuer;
  }

  public Duration userTokenTtl() {
    return Durations.parse(userTokenTtl);
  }

  public SignupMode signupMode() {
    return SignupMode.parse(signupMode);
  }

  public long bodyLimitBytes() {
    return bodyLimitBytes;
  }

  public int loginMaxFailures() {
    return loginMaxFailures;
  }

  public Duration loginLockout() {
    return Durations.parse(loginLockout);
  }

  public String externalUrl() {
    return externalUrl.orElse("");
  }

  public Optional<String> timestampAuthorityUrl() {
    return timestampAuthorityUrl.filter(s -> !s.isBlank());
  }

  public Optional<Path> timestampAuthorityCertChain() {
    return timestampAuthorityCertChain.filter(s -> !s.isBlank()).map(Path::of);
  }

  public Duration signingClockSkew() {
    return Durations.parse(signingClockSkew);
  }

  public List<String> outboundAllowedNetworks() {
    return outboundAllowedNetworks.orElse(List.of());
  }
}
