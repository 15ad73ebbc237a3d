package dev.chainloop.ee.cli.framework;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Flag values that name a document by local path or http(s) URL, as upstream's {@code --contract}
 * and {@code attestation verify --bundle} accept.
 */
public final class FileOrUrl {
  private FileOrUrl() {}

  public static boolean isUrl(String value) {
    return value.startsWith("http://") || value.startsWith("https://");
  }

  /**
   * The bytes at {@code value}.
   *
   * @param what names the document in errors, e.g. "the contract"
   */
  public static byte[] read(String value, String what) {
    if (isUrl(value)) {
      return fetch(value, what);
    }
    try {
      return Files.readAllBytes(Path.of(value));
    } catch (NoSuchFileException e) {
      throw new CliException(what + " file " + value + " not found", e);
    } catch (IOException e) {
      throw new CliException("cannot read " + what + " file " + value + ": " + e.getMessage(), e);
    }
  }

  /** GET {@code url}, following redirects; any non-2xx answer is an error. */
  public static byte[] fetch(String url, String what) {
    try {
      HttpResponse<byte[]> res =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      if (res.statusCode() / 100 != 2) {
        throw new CliException(
            "cannot download " + what + " from " + url + ": HTTP " + res.statusCode());
      }
      return res.body();
    } catch (IOException | IllegalArgumentException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new CliException("cannot download " + what + " from " + url + ": " + reason, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while downloading " + what, e);
    }
  }
}
