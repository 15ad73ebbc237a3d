package dev.chainloop.ee.cli.commands.auth;

import dev.chainloop.ee.cli.client.ControlPlane;
import dev.chainloop.ee.cli.client.model.SsoDeviceStart;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import java.awt.Desktop;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Single sign-on with the device authorization grant, which the control plane drives at the
 * identity provider: the person opens the provider's page (in a browser here, or anywhere with
 * {@code --skip-browser}), approves, and the CLI's polling receives a user token.
 */
final class SsoLogin {
  private SsoLogin() {}

  static String login(CliContext ctx, boolean skipBrowser) {
    ControlPlane api = ctx.anonymousApi();
    SsoDeviceStart start = api.startSsoDeviceLogin();
    String page =
        start.verificationUriComplete().isEmpty()
            ? start.verificationUri()
            : start.verificationUriComplete();
    if (skipBrowser || !openBrowser(page)) {
      ctx.log().info("To log in, open " + page + " and confirm the code " + start.userCode());
    }
    Duration interval = Duration.ofSeconds(Math.max(1, start.interval().orElse(5L)));
    Instant deadline = Instant.now().plusSeconds(start.expiresIn().orElse(600L));
    while (Instant.now().isBefore(deadline)) {
      String token = api.pollSsoDeviceLogin(start.deviceCode()).token();
      if (!token.isEmpty()) {
        return token;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted while waiting for the single sign-on", e);
      }
    }
    throw new CliException("the single sign-on was not approved in time");
  }

  private static boolean openBrowser(String page) {
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(URI.create(page));
        return true;
      }
    } catch (Exception | LinkageError e) {
      // headless: print the address instead
    }
    return false;
  }
}
