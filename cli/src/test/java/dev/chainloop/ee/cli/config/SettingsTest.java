package dev.chainloop.ee.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence flag > environment > config file > default, observed through {@code config view}. */
class SettingsTest {
  @TempDir Path home;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(home);
  }

  private void writeConfig(String toml) throws Exception {
    Files.createDirectories(cli.configFile().getParent());
    Files.writeString(cli.configFile(), toml);
  }

  @Test
  void defaultWhenNothingIsSet() {
    CliRunner.Result r = cli.run("config", "view");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo("Config file: " + cli.configFile() + "\ncontrol-plane: http://localhost:9080\n");
  }

  @Test
  void configFileBeatsDefault() throws Exception {
    writeConfig("organization = \"acme\"\n[control-plane]\nAPI = \"file:443\"\n");
    assertThat(cli.run("config", "view").out())
        .contains("control-plane: file:443\n", "organization: acme\n");
  }

  @Test
  void environmentBeatsConfigFile() throws Exception {
    writeConfig("[control-plane]\nAPI = \"file:443\"\n");
    cli.env("CHAINLOOP_CONTROL_PLANE_API", "env:443");
    assertThat(cli.run("config", "view").out()).contains("control-plane: env:443\n");
  }

  @Test
  void flagBeatsEnvironment() throws Exception {
    writeConfig("organization = \"acme\"\n[control-plane]\nAPI = \"file:443\"\n");
    cli.env("CHAINLOOP_CONTROL_PLANE_API", "env:443");
    CliRunner.Result r = cli.run("config", "view", "--control-plane", "flag:443", "-n", "other");
    assertThat(r.out()).contains("control-plane: flag:443\n", "organization: other\n");
  }

  @Test
  void configFlagPointsElsewhere() throws Exception {
    Path other = home.resolve("other.toml");
    Files.writeString(other, "organization = \"from-other\"\n");
    assertThat(cli.run("config", "view", "-c", other.toString()).out())
        .startsWith("Config file: " + other + "\n")
        .contains("organization: from-other");
  }

  @Test
  void homeIsUsedWithoutXdg() {
    CliRunner plain = new CliRunner(home).env("XDG_CONFIG_HOME", "");
    assertThat(plain.run("config", "view").out())
        .startsWith("Config file: " + home.resolve(".config/chainloop/config.toml"));
  }

  @Test
  void saveThenResetPersistsAndRemovesTheFile() {
    CliRunner.Result saved =
        cli.run("config", "save", "--control-plane", "cp.example.com:443", "-n", "acme", "-i");
    assertThat(saved.code()).as(saved.err()).isZero();
    assertThat(cli.run("config", "view").out())
        .contains("control-plane: cp.example.com:443", "organization: acme", "api-insecure: true");

    assertThat(cli.run("config", "reset").code()).isZero();
    assertThat(Files.exists(cli.configFile())).isFalse();
  }

  @Test
  void hostPortBecomesHttpsUnlessInsecure() {
    assertThat(Settings.normalize("cp.example.com:443", false).toString())
        .isEqualTo("https://cp.example.com:443");
    assertThat(Settings.normalize("localhost:9080", true).toString())
        .isEqualTo("http://localhost:9080");
    assertThat(Settings.normalize("http://localhost:9080/", false).toString())
        .isEqualTo("http://localhost:9080");
  }
}
