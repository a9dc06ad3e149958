package vn.gov.eid.dossier;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test helper: what the database holds, read and written with plain SQL, and the layout of a sealed value. */
final class StoredRows {
    private StoredRows() {}

    /** The value of a single-column, single-row query (null when there is no row). */
    static Object value(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    static byte[] bytes(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    static int update(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** A connection of its own (outside the service's pool), e.g. to hold a row lock like another replica would. */
    static Connection ownConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(null));
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** The key-encryption key id in a sealed value's header (format version 1, docs/adr/0003). */
    static String keyId(byte[] sealed) {
        return new String(sealed, 2, sealed[1] & 0xff, StandardCharsets.US_ASCII);
    }

    /** The data part of a sealed value (what a re-wrap leaves as it is). */
    static byte[] dataPart(byte[] sealed) {
        int n = sealed[1] & 0xff;
        int w = ((sealed[2 + n] & 0xff) << 8) | (sealed[3 + n] & 0xff);
        return java.util.Arrays.copyOfRange(sealed, 4 + n + w, sealed.length);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }
}
