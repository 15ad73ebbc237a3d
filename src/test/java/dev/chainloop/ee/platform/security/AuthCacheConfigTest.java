package dev.chainloop.ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Liberty caches the Subject of every distinct token it authenticates (about 5 KB each). Its
 * default bound, 25,000 entries for 600 s, would take half of the 256 MB heap when tokens churn
 * (the soak in bench/SOAK.md grew the live heap by 50 MB in 8 minutes); the server's configuration
 * caps it.
 */
class AuthCacheConfigTest {
  /** Entries of about 5 KB: at most about 25 MB of the heap. */
  private static final int MOST_ENTRIES = 5_000;

  @Test
  void theServerCapsLibertysAuthenticationCache() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var server =
        factory.newDocumentBuilder().parse(Path.of("src/main/liberty/config/server.xml").toFile());
    NodeList caches = server.getDocumentElement().getElementsByTagName("authCache");

    assertThat(caches.getLength()).isEqualTo(1);
    String maxSize = ((Element) caches.item(0)).getAttribute("maxSize");
    assertThat(maxSize).as("authCache maxSize").matches("[0-9]+");
    assertThat(Integer.parseInt(maxSize)).isBetween(1, MOST_ENTRIES);
  }
}
