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
 * Plays the attacker with database access, from inside the test server (embedded Derby admits only
 * the server's JVM): {@code POST ?edit=ID&detail=TEXT} rewrites one audit row's detail; {@code POST
 * ?legacyLike=ID} adds an unlinked row to that event's organization, as a pre-chain server wrote
 * them. Deployed by {@link AuditChainIT} only, never part of the application. Answers the number of
 * rows changed.
 */
@WebServlet("/audit-events")
public class AuditTamperServlet extends HttpServlet {
  @Resource(lookup = "jdbc/chainloop")
  DataSource dataSource;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String edit = request.getParameter("edit");
    String sql =
        edit != null
            ? "UPDATE audit_events SET detail = ? WHERE id = ?"
            : "INSERT INTO audit_events (id, organization_id, occurred_at, action, detail)"
                + " SELECT ?, organization_id, occurred_at, 'legacy.event', 'before the chain'"
                + " FROM audit_events WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, edit != null ? request.getParameter("detail") : request.getParameter("id"));
      s.setString(2, edit != null ? edit : request.getParameter("legacyLike"));
      response.getWriter().print(s.executeUpdate());
    } catch (SQLException e) {
      response.sendError(500, e.getMessage());
    }
  }
}
