package dev.chainloop.ee.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TomlTest {
  @TempDir Path dir;

  @Test
  void roundTripsWhatTheCliWrites() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("organization", "acme");
    doc.put("api-insecure", true);
    Map<String, Object> cp = new LinkedHashMap<>();
    cp.put("API", "http://localhost:9080");
    doc.put("control-plane", cp);
    doc.put("auth", new LinkedHashMap<>(Map.of("token", "a.b\"c\\d")));

    String text = Toml.write(doc);

    assertThat(text)
        .isEqualTo(
            """
            organization = "acme"
            api-insecure = true

            [control-plane]
            API = "http://localhost:9080"

            [auth]
            token = "a.b\\"c\\\\d"
            """);
    assertThat(Toml.parse(text)).isEqualTo(doc);
  }

  @Test
  void readsCommentsLiteralStringsAndViperLowerCaseKeys() {
    Map<String, Object> doc =
        Toml.parse(
            "# written by viper\norganization = 'acme' # trailing\n[control-plane]\napi = \"h:443\"\n");

    assertThat(doc).containsEntry("organization", "acme");
    assertThat(doc.get("control-plane")).isEqualTo(Map.of("api", "h:443"));
  }

  @Test
  void rejectsWhatItDoesNotUnderstandWithTheLine() {
    assertThatThrownBy(() -> Toml.parse("a = 1\nb = [1, 2]\n")).hasMessageContaining("line 2");
    assertThatThrownBy(() -> Toml.parse("[[arr]]\n")).hasMessageContaining("line 1");
  }

  @Test
  void configFileIsWrittenOwnerOnlyAndReadCaseInsensitively() throws Exception {
    Path file = dir.resolve("nested/chainloop/config.toml");
    ConfigFile config = ConfigFile.load(file);
    config.set(ConfigFile.AUTH_TOKEN, "jwt");
    config.set(ConfigFile.CONTROL_PLANE, "cp:443");
    config.save();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Files.writeString(file, Files.readString(file).replace("API", "api"));
    ConfigFile reloaded = ConfigFile.load(file);
    assertThat(reloaded.getString(ConfigFile.CONTROL_PLANE)).contains("cp:443");
    reloaded.remove(ConfigFile.AUTH_TOKEN);
    reloaded.save();
    assertThat(Files.readString(file)).doesNotContain("auth").contains("[control-plane]");
  }
}
