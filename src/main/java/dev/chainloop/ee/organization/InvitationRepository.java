package dev.chainloop.ee.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Invitations to organizations ({@link Invitation} rows). */
@ApplicationScoped
public class InvitationRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  /** Pending invitations of an email, in any organization. */
  List<Invitation> pendingFor(String email) {
    return em.createNamedQuery("Invitation.withStatusFor", Invitation.class)
        .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
        .setParameter("status", InvitationStatus.PENDING)
        .getResultList();
  }

  /** An organization's invitations, newest first. */
  List<Invitation> ofOrganization(String orgId) {
    return em.createNamedQuery("Invitation.ofOrg", Invitation.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  Optional<Invitation> find(String id) {
    return Optional.ofNullable(em.find(Invitation.class, id));
  }

  void save(Invitation invitation) {
    em.persist(invitation);
  }
}
