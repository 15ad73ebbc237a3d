package dev.chainloop.ee.it.audit;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plays the attacker with database access, and the upgrade, from inside the test server (embedded
 * Derby admits only the server's JVM): {@code POST ?edit=ID&detail=TEXT} rewrites one audit row's
 * detail; {@code POST ?downgrade=ID} turns every event of that event's organization into a
 * pre-chain row (no position, no hashes) and removes the organization's chain head, as a database
 * written by a server without the chain. Deployed by {@link AuditChainIT} only, never part of the
 * application. Answers the number of audit rows changed.
 */
@WebServlet("/audit-events")
public class AuditTamperServlet extends HttpServlet {
  private static final String ORG_OF = "(SELECT organization_id FROM audit_events WHERE id = ?)";

  @Resource(lookup = "jdbc/chainloop")
  DataSource dataSource;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String edit = request.getParameter("edit");
    String downgrade = request.getParameter("downgrade");
    try (Connection c = dataSource.getConnection()) {
      int changed;
      if (edit != null) {
        try (PreparedStatement s =
            c.prepareStatement("UPDATE audit_events SET detail = ? WHERE id = ?")) {
          s.setString(1, request.getParameter("detail"));
          s.setString(2, edit);
          changed = s.executeUpdate();
        }
      } else {
        try (PreparedStatement head =
                c.prepareStatement("DELETE FROM audit_chain_heads WHERE chain_key = " + ORG_OF);
            PreparedStatement rows =
                c.prepareStatement(
                    "UPDATE audit_events SET chain_position = NULL, previous_hash = NULL,"
                        + " event_hash = NULL WHERE organization_id = "
                        + ORG_OF)) {
          head.setString(1, downgrade);
          head.executeUpdate();
          rows.setString(1, downgrade);
          changed = rows.executeUpdate();
        }
      }
      response.getWriter().print(changed);
    } catch (SQLException e) {
      response.sendError(500, e.getMessage());
    }
  }
}
