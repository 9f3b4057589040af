package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void upsertsOnTheNaturalKey() {
        List<String> columns = List.of("\"id\"", "\"amount\"", "\"note\"");

        assertThat(SqlDialect.POSTGRESQL.upsert("\"t\"", columns, List.of("\"id\"")))
                .isEqualTo("INSERT INTO \"t\" (\"id\", \"amount\", \"note\") VALUES (?, ?, ?) ON CONFLICT (\"id\")"
                        + " DO UPDATE SET \"amount\" = EXCLUDED.\"amount\", \"note\" = EXCLUDED.\"note\"");
        assertThat(SqlDialect.POSTGRESQL.upsert("\"t\"", List.of("\"id\""), List.of("\"id\"")))
                .endsWith("ON CONFLICT (\"id\") DO NOTHING");
        assertThat(SqlDialect.H2.upsert("\"T\"", columns, List.of("\"id\"")))
                .isEqualTo("MERGE INTO \"T\" (\"id\", \"amount\", \"note\") KEY (\"id\") VALUES (?, ?, ?)");
    }

    @Test
    void quotesInTheCaseTheDatabaseFoldsTo() {
        assertThat(SqlDialect.POSTGRESQL.quote("value")).isEqualTo("\"value\"");
        assertThat(SqlDialect.H2.quote("value")).isEqualTo("\"VALUE\"");
        assertThatThrownBy(() -> SqlDialect.H2.quote("x\"; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a plain SQL name");
    }

    @Test
    void turnsCamelCaseIntoSnakeCase() {
        assertThat(SqlIdentifiers.snakeCase("settlementId")).isEqualTo("settlement_id");
        assertThat(SqlIdentifiers.snakeCase("orderID")).isEqualTo("order_id");
        assertThat(SqlIdentifiers.snakeCase("sellerSKUCode")).isEqualTo("seller_sku_code");
        assertThat(SqlIdentifiers.snakeCase("amount")).isEqualTo("amount");
    }

    @Test
    void namesAnUnsupportedDatabase() {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> "MySQL");
        Connection connection = (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> metaData);

        assertThatThrownBy(() -> SqlDialect.of(connection))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unsupported database 'MySQL': payreports writes to PostgreSQL and H2 only");
    }
}
