/**
 * Backup of the embedded Derby database while the server runs: Derby's online backup must run in
 * the JVM that holds the database, so an operator asks the server for it ({@link
 * DatabaseBackupServlet}); {@code scripts/backup} then adds the keys and the built-in artifact
 * store and seals the backup with its manifest. PostgreSQL is dumped by the script itself.
 *
 * <p>Owns no table. May call platform only.
 */
package dev.chainloop.ee.backup;
