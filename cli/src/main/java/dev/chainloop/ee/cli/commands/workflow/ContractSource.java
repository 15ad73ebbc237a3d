package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.framework.CliException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code --contract} values: a local file or an http(s) URL holding a contract body. */
public final class ContractSource {
  private ContractSource() {}

  public static boolean isLocation(String value) {
    return isUrl(value) || Files.isRegularFile(Path.of(value));
  }

  /** The body at a file path or URL; empty if {@code value} is neither (then it is a name). */
  public static Optional<String> read(String value) {
    if (isUrl(value)) {
      return Optional.of(fetch(value));
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException("cannot read the contract file " + value + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #read} but the value must be a file or URL. */
  public static String require(String value) {
    return read(value).orElseThrow(() -> new CliException("contract file " + value + " not found"));
  }

  private static boolean isUrl(String value) {
    return value.startsWith("http://") || value.startsWith("https://");
  }

  private static String fetch(String url) {
    try {
      HttpResponse<String> res =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (res.statusCode() / 100 != 2) {
        throw new CliException(
            "cannot download the contract from " + url + ": HTTP " + res.statusCode());
      }
      return res.body();
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException("cannot download the contract from " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while downloading the contract", e);
    }
  }
}
