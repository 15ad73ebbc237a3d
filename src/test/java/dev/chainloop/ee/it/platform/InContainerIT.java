package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.annotation.Resource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Arquillian tests deployed into the running server: they reach what no HTTP client can, the
 * sweeper's clock and a dump of every table. The archive is deliberately small (this class and its
 * HTTP helpers): it calls the deployed application's sweeper through its {@code java:global}
 * binding, so the test exercises the real application rather than a second copy of it.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {
  private static final String SWEEPER =
      "java:global/chainloop/ApiTokenSweeper!dev.chainloop.ee.apitoken.ApiTokenSweeper";

  @Deployment
  static WebArchive deployment() throws Exception {
    return ShrinkWrap.create(WebArchive.class, "in-container-it.war")
        .addClasses(Api.class, Api.Reply.class, Fixtures.class, Fixtures.Account.class)
        .addAsLibraries(
            new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
  }

  /** Runs one pass of the application's token-inactivity sweeper as if it were {@code now}. */
  private static int sweepAt(Instant now) throws Exception {
    Object sweeper = new InitialContext().lookup(SWEEPER);
    return (Integer) sweeper.getClass().getMethod("sweep", Instant.class).invoke(sweeper, now);
  }

  @Resource(lookup = "jdbc/chainloop")
  DataSource dataSource;

  @Test
  void inactiveTokensAreRevokedOnceBySweeperAndAudited() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    assertThat(
            owner
                .api()
                .patch("/api/v1/organizations/" + owner.org(), "{\"apiTokenMaxDaysInactive\":3}")
                .status())
        .isEqualTo(200);
    String stale = Fixtures.apiToken(owner);
    assertThat(Api.withToken(stale).get("/api/v1/context").status()).isEqualTo(200);

    assertThat(sweepAt(Instant.now().plus(Duration.ofDays(2)))).as("not stale yet").isZero();
    int revoked = sweepAt(Instant.now().plus(Duration.ofDays(4)));
    assertThat(revoked).isGreaterThanOrEqualTo(1);
    assertThat(Api.withToken(stale).get("/api/v1/context").status()).isEqualTo(401);
    assertThat(owner.api().get("/api/v1/audit-events").body()).contains("api_token.auto_revoked");
  }

  @Test
  void noTableAndNoLogLineHoldsAnIssuedToken() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String apiToken = Fixtures.apiToken(owner);
    Api.withToken(apiToken).get("/api/v1/context");
    owner
        .api()
        .delete(
            "/api/v1/api-tokens/"
                + Api.withToken(apiToken).get("/api/v1/api-tokens/self").json().getString("id"));
    Api.withToken(apiToken).get("/api/v1/context");
    String userToken = owner.userToken();

    String dump = dumpAllTables();
    assertThat(dump).contains(owner.org());
    for (String secret : List.of(apiToken, userToken)) {
      assertThat(dump).doesNotContain(secret).doesNotContain(secret.split("\\.")[2]);
    }
    assertThat(dump).doesNotContain(Fixtures.PASSWORD);

    Path log = Path.of(System.getProperty("server.output.dir"), "logs", "messages.log");
    String logText = Files.readString(log);
    for (String secret : List.of(apiToken, userToken, Fixtures.PASSWORD)) {
      assertThat(logText).doesNotContain(secret.length() > 40 ? secret.split("\\.")[2] : secret);
    }
  }

  private String dumpAllTables() throws Exception {
    StringBuilder dump = new StringBuilder();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null
              && (schema.startsWith("SYS")
                  || schema.equals("pg_catalog")
                  || schema.equals("information_schema"))) {
            continue;
          }
          tables.add(
              (schema == null ? "" : "\"" + schema + "\".")
                  + "\""
                  + rs.getString("TABLE_NAME")
                  + "\"");
        }
      }
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              dump.append(
                      value instanceof byte[] bytes
                          ? new String(bytes, StandardCharsets.ISO_8859_1)
                          : value)
                  .append('|');
            }
            dump.append('\n');
          }
        }
      }
    }
    return dump.toString();
  }
}
