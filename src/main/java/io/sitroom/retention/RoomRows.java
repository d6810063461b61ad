package io.sitroom.retention;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Deletes every row that belongs to a room, as the schema says: the tables with a {@code room_id} column (of the
 * type of {@code room.id}) and
 * those with a foreign key to {@code room}, children before parents (by their foreign keys), and the rows of
 * other tables that reference a room's rows, then the room. The plan is read from the database's own metadata
 * once, after the migrations, so that a table a later migration adds is deleted with the rest without anyone
 * remembering to list it here.
 */
@ApplicationScoped
class RoomRows {

    private final DataSource dataSource;
    private final EntityManager em;
    private volatile List<String> statements;

    RoomRows(DataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** Deletes the room and everything of it, in the caller's transaction; returns the rows deleted. */
    int delete(UUID roomId) {
        int rows = 0;
        for (String sql : statements()) {
            rows += em.createNativeQuery(sql).setParameter(1, roomId).executeUpdate();
        }
        return rows;
    }

    /** The statements, in order, each with the room's id as its one parameter. */
    List<String> statements() {
        List<String> planned = statements;
        if (planned == null) {
            try (Connection connection = dataSource.getConnection()) {
                planned = plan(connection.getMetaData(), connection.getCatalog(), connection.getSchema());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the schema to plan room deletion", e);
            }
            statements = planned;
        }
        return planned;
    }

    /** A foreign key: {@code child(columns)} references {@code parent(keys)}, column by column. */
    private record ForeignKey(String child, List<String> columns, String parent, List<String> keys) {
    }

    static List<String> plan(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        // The tables that hold a room's rows, with the column that names the room.
        Map<String, String> owned = new TreeMap<>();
        try (ResultSet columns = meta.getColumns(catalog, schema, "%", "room_id")) {
            while (columns.next()) {
                // A room of this server is a UUID; a room_id of another type names someone else's room (a witness keeps
                // other servers' checkpoints by their room ids as text), which this server's retention never touches.
                if ("uuid".equalsIgnoreCase(columns.getString("TYPE_NAME"))) {
                    owned.put(columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT), "room_id");
                }
            }
        }
        for (ForeignKey key : referencing(meta, catalog, schema, "room")) {
            if (key.columns().size() == 1) {
                owned.putIfAbsent(key.child(), key.columns().get(0));
            }
        }
        owned.remove("room");
        List<String> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String table : owned.keySet()) {
            visit(meta, catalog, schema, table, owned, visited, ordered);
        }
        ordered.add("DELETE FROM room WHERE id = ?");
        return List.copyOf(ordered);
    }

    /** Emits the deletes of a table's children (owned ones first, in their own order; others by their keys), then its own. */
    private static void visit(DatabaseMetaData meta, String catalog, String schema, String table, Map<String, String> owned,
            Set<String> visited, List<String> ordered) throws SQLException {
        if (!visited.add(table)) {
            return;
        }
        for (ForeignKey key : referencing(meta, catalog, schema, table)) {
            if (key.child().equals(table)) {
                continue; // a table referencing itself loses all of a room's rows in one statement
            }
            if (owned.containsKey(key.child())) {
                visit(meta, catalog, schema, key.child(), owned, visited, ordered);
            } else {
                String columns = key.columns().size() == 1 ? key.columns().get(0) : "(" + String.join(", ", key.columns()) + ")";
                ordered.add("DELETE FROM " + key.child() + " WHERE " + columns + " IN (SELECT " + String.join(", ", key.keys()) + " FROM "
                        + table + " WHERE " + owned.get(table) + " = ?)");
            }
        }
        ordered.add("DELETE FROM " + table + " WHERE " + owned.get(table) + " = ?");
    }

    private static List<ForeignKey> referencing(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> parts = new LinkedHashMap<>();
        try (ResultSet exported = meta.getExportedKeys(catalog, schema, table)) {
            while (exported.next()) {
                String child = exported.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT);
                String name = child + "/" + exported.getString("FK_NAME");
                parts.computeIfAbsent(name, n -> new TreeMap<>()).put(exported.getInt("KEY_SEQ"),
                        new String[] { child, exported.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                                exported.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT) });
            }
        }
        parts.forEach((name, columns) -> {
            List<String> fk = columns.values().stream().map(c -> c[1]).toList();
            List<String> pk = columns.values().stream().map(c -> c[2]).toList();
            keys.put(name, new ForeignKey(columns.firstEntry().getValue()[0], fk, table, pk));
        });
        return List.copyOf(keys.values());
    }
}
