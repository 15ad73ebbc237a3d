package dev.chainloop.ee.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks passwords against the PBKDF2 hashes stored with the accounts. */
@ApplicationScoped
public class DatabaseCredentialValidator implements CredentialValidator {
  @Inject UserRepository users;
  @Inject PasswordHasher hasher;

  @Override
  public Optional<String> validate(String email, char[] password) {
    Optional<User> user = users.findByEmail(email);
    if (user.isEmpty()) {
      hasher.burn(password);
      return Optional.empty();
    }
    return hasher.matches(password, user.get().getPasswordHash())
        ? Optional.of(user.get().getId())
        : Optional.empty();
  }
}
