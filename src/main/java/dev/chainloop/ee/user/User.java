package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** An account. The email is stored lower-cased, so uniqueness is case-insensitive. */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.byEmail", query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = "User.count", query = "SELECT COUNT(u) FROM User u")
public class User {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, unique = true, length = 320)
  private String email;

  @Column(length = 200)
  private String name;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  /**
   * True for the first account of the instance. Nothing reads it yet; it stays mapped because
   * existing databases hold the column as NOT NULL, so every insert must write it.
   */
  @Column(name = "instance_admin", nullable = false)
  private boolean instanceAdmin;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected User() {}

  User(String email, String name, String passwordHash, boolean instanceAdmin, Instant now) {
    this.id = Ids.newId();
    this.email = normalize(email);
    this.name = name;
    this.passwordHash = passwordHash;
    this.instanceAdmin = instanceAdmin;
    this.createdAt = now;
  }

  static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  public String getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
