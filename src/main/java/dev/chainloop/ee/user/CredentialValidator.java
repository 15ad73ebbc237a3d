package dev.chainloop.ee.user;

import java.util.Optional;

/**
 * The seam for enterprise identity: checks an email and password and answers the account's id. The
 * default implementation checks the password hash in our database; an operator can replace it (a
 * CDI {@code @Alternative} with {@code @Priority}) with one backed by Liberty's LDAP registry or by
 * an OpenID Connect provider.
 */
public interface CredentialValidator {
  Optional<String> validate(String email, char[] password);
}
