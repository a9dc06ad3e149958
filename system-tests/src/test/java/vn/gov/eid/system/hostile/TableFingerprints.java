package vn.gov.eid.system.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What every table of some databases holds, row by row: each row as text (all columns but excluded ones), rows an
 * exclusion names left out. Two snapshots compare equal only if no row was added, removed or changed, so an UPDATE
 * shows as well as an INSERT.
 */
public final class TableFingerprints {

    /**
     * Part of a table that may change when a request is refused.
     *
     * @param database  the database (a LocalSystem.Service name)
     * @param table     schema-qualified table, e.g. {@code public.citizen_account}
     * @param columns   columns left out of every row (empty: none)
     * @param rowsWhere SQL condition of the rows left out (null: none)
     * @param reason    why a refused request legitimately writes there
     */
    public record Exclusion(String database, String table, Set<String> columns, String rowsWhere, String reason) {}

    /** One snapshot: database -> table -> its rows as text, sorted. */
    public record Snapshot(Map<String, Map<String, List<String>>> tables) {}

    /** Opens a connection to one database (LocalSystem.Database::connect). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    private TableFingerprints() {}

    public static Snapshot take(Map<String, ConnectionSource> databases, List<Exclusion> exclusions)
            throws SQLException {
        Map<String, Map<String, List<String>>> all = new TreeMap<>();
        for (Map.Entry<String, ConnectionSource> db : databases.entrySet()) {
            Map<String, List<String>> tables = new TreeMap<>();
            try (Connection c = db.getValue().connect();
                    Statement st = c.createStatement()) {
                Map<String, List<String>> columns = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("select c.table_schema || '.' || c.table_name, c.column_name"
                        + " from information_schema.columns c join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')"
                        + " order by 1, c.ordinal_position")) {
                    while (rs.next()) {
                        columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    }
                }
                for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                    Exclusion ex = exclusions.stream()
                            .filter(e -> e.database().equals(db.getKey())
                                    && e.table().equals(table.getKey()))
                            .findFirst()
                            .orElse(null);
                    List<String> kept = table.getValue().stream()
                            .filter(col -> ex == null || !ex.columns().contains(col))
                            .map(TableFingerprints::quote)
                            .toList();
                    String[] name = table.getKey().split("\\.", 2);
                    String sql = "select row(" + String.join(", ", kept) + ")::text as r from " + quote(name[0]) + "."
                            + quote(name[1])
                            + (ex != null && ex.rowsWhere() != null ? " where not (" + ex.rowsWhere() + ")" : "")
                            + " order by 1";
                    List<String> rows = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                    tables.put(table.getKey(), rows);
                }
            }
            all.put(db.getKey(), tables);
        }
        return new Snapshot(all);
    }

    /** One line per table that differs: rows before and after, and (shortened) the rows added and removed. */
    public static List<String> differences(Snapshot before, Snapshot after) {
        List<String> out = new ArrayList<>();
        Set<String> dbs = new java.util.TreeSet<>(before.tables().keySet());
        dbs.addAll(after.tables().keySet());
        for (String db : dbs) {
            Map<String, List<String>> b = before.tables().getOrDefault(db, Map.of());
            Map<String, List<String>> a = after.tables().getOrDefault(db, Map.of());
            Set<String> tables = new java.util.TreeSet<>(b.keySet());
            tables.addAll(a.keySet());
            for (String t : tables) {
                List<String> rb = b.get(t);
                List<String> ra = a.get(t);
                if (rb == null || ra == null) {
                    out.add(db + " " + t + ": table " + (rb == null ? "appeared" : "disappeared"));
                } else if (!rb.equals(ra)) {
                    out.add(db + " " + t + ": " + rb.size() + " rows before, " + ra.size() + " after; added "
                            + shortened(minus(ra, rb)) + "; removed " + shortened(minus(rb, ra)));
                }
            }
        }
        return out;
    }

    private static List<String> minus(List<String> x, List<String> y) {
        Map<String, Integer> counts = new HashMap<>();
        y.forEach(r -> counts.merge(r, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String r : x) {
            if (counts.merge(r, -1, Integer::sum) < 0) {
                out.add(r);
            }
        }
        return out;
    }

    private static String shortened(List<String> rows) {
        return rows.stream()
                .limit(5)
                .map(r -> r.length() > 300 ? r.substring(0, 300) + "..." : r)
                .collect(Collectors.joining(" | ", "[", rows.size() > 5 ? " | ... " + rows.size() + " in all]" : "]"));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
