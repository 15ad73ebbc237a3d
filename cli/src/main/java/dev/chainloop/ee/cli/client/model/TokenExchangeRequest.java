package dev.chainloop.ee.cli.client.model;

/**
 * An RFC 8693 token exchange request, sent as a form: the components are the form's field names.
 */
public record TokenExchangeRequest(
    String grant_type, String subject_token, String subject_token_type) {
  public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
  public static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";

  public static TokenExchangeRequest forIdToken(String idToken) {
    return new TokenExchangeRequest(GRANT_TYPE, idToken, ID_TOKEN);
  }
}
