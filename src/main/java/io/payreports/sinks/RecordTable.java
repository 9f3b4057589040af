package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.RecordLayout.Column;
import java.util.List;

/** Where a layout's rows live: quoted table and column names, and the SQL to create (for migrations) and upsert them. */
record RecordTable(
        SqlDialect dialect, String name, List<Column> columns, List<String> quotedColumns, List<String> quotedKey) {

    static RecordTable of(SqlDialect dialect, String schema, RecordLayout<?> layout) {
        List<String> columnNames = layout.columns().stream().map(Column::name).toList();
        if (layout.naturalKey().isEmpty() || !columnNames.containsAll(layout.naturalKey())) {
            throw new IllegalArgumentException("layout " + layout.name() + ": natural key " + layout.naturalKey()
                    + " must be a non-empty subset of its columns " + columnNames);
        }
        String table = dialect.quote(layout.name());
        return new RecordTable(
                dialect,
                schema == null ? table : dialect.quote(schema) + "." + table,
                layout.columns(),
                columnNames.stream()
                        .map(name -> dialect.quote(SqlIdentifiers.snakeCase(name)))
                        .toList(),
                layout.naturalKey().stream()
                        .map(name -> dialect.quote(SqlIdentifiers.snakeCase(name)))
                        .toList());
    }

    String createSql() {
        StringBuilder sql =
                new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(quotedColumns.get(i))
                    .append(' ')
                    .append(dialect.columnType(columns.get(i).type()))
                    .append(", ");
        }
        return sql.append("PRIMARY KEY (")
                .append(String.join(", ", quotedKey))
                .append("))")
                .toString();
    }

    String upsertSql() {
        return dialect.upsert(name, quotedColumns, quotedKey);
    }

    /**
     * PostgreSQL: moves the rows COPY loaded into {@code loadTable} into the table as one upsert. A key twice
     * in the load (one statement cannot update a row twice) keeps its last row.
     */
    String upsertFromSql(String loadTable) {
        String columnList = String.join(", ", quotedColumns);
        String keyList = String.join(", ", quotedKey);
        return "INSERT INTO " + name + " (" + columnList + ") SELECT DISTINCT ON (" + keyList + ") " + columnList
                + " FROM " + loadTable + " ORDER BY " + keyList + ", ctid DESC "
                + SqlDialect.onConflictUpdate(quotedColumns, quotedKey);
    }

    /**
     * PostgreSQL: as {@link #upsertFromSql(String)} without keeping the last row per key, which sorts the
     * whole load: for a load with each key once, the usual case, the same rows for less work. A key twice
     * fails it (SQLSTATE 21000) instead of choosing one.
     */
    String upsertOnceFromSql(String loadTable) {
        String columnList = String.join(", ", quotedColumns);
        return "INSERT INTO " + name + " (" + columnList + ") SELECT " + columnList + " FROM " + loadTable + " "
                + SqlDialect.onConflictUpdate(quotedColumns, quotedKey);
    }

    String copySql(String loadTable) {
        return "COPY " + loadTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN (FORMAT csv, HEADER true)";
    }
}
