package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/** A single sign-on started at the identity provider: what the person opens and types. */
@ApiSchema("SsoDeviceStart")
public final class SsoDeviceStart extends ApiObject {
  public SsoDeviceStart(JsonObject json) {
    super(json);
  }

  public String deviceCode() {
    return string("deviceCode");
  }

  public String userCode() {
    return string("userCode");
  }

  public String verificationUri() {
    return string("verificationUri");
  }

  public String verificationUriComplete() {
    return string("verificationUriComplete");
  }

  public Optional<Long> interval() {
    return int64("interval");
  }

  public Optional<Long> expiresIn() {
    return int64("expiresIn");
  }
}
