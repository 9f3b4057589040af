package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.reports.RecordLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A layout's table: snake_case names quoted as each database folds them, exact decimal types, the upsert on the natural key. */
class RecordTableTest {

    @Test
    void createsTheTableWithEveryColumnInLayoutOrderAndTheNaturalKey() {
        assertThat(RecordTable.of(SqlDialect.POSTGRESQL, null, TestRecord.LAYOUT)
                        .createSql())
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"test_record\" (\"id\" TEXT, \"currency\" TEXT, \"amount\" NUMERIC, "
                                + "\"posted_at\" TIMESTAMP WITH TIME ZONE, \"quantity\" BIGINT, \"note\" TEXT, PRIMARY KEY (\"id\"))");
        assertThat(RecordTable.of(SqlDialect.H2, "reports", TestRecord.LAYOUT).createSql())
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"REPORTS\".\"TEST_RECORD\" (\"ID\" CHARACTER VARYING, \"CURRENCY\" CHARACTER VARYING, "
                                + "\"AMOUNT\" DECFLOAT, \"POSTED_AT\" TIMESTAMP WITH TIME ZONE, \"QUANTITY\" BIGINT, \"NOTE\" CHARACTER VARYING, "
                                + "PRIMARY KEY (\"ID\"))");
    }

    @Test
    void upsertsOnTheNaturalKeyInTheSchema() {
        assertThat(RecordTable.of(SqlDialect.H2, "reports", TestRecord.LAYOUT).upsertSql())
                .isEqualTo(
                        "MERGE INTO \"REPORTS\".\"TEST_RECORD\" (\"ID\", \"CURRENCY\", \"AMOUNT\", \"POSTED_AT\", \"QUANTITY\", \"NOTE\") "
                                + "KEY (\"ID\") VALUES (?, ?, ?, ?, ?, ?)");
    }

    @Test
    void postgresqlCopiesIntoALoadTableAndUpsertsItsLastRowPerKey() {
        RecordTable table = RecordTable.of(SqlDialect.POSTGRESQL, "reports", TestRecord.LAYOUT);

        assertThat(table.copySql("load_1"))
                .isEqualTo("COPY load_1 (\"id\", \"currency\", \"amount\", \"posted_at\", \"quantity\", \"note\")"
                        + " FROM STDIN (FORMAT csv, HEADER true)");
        assertThat(table.upsertFromSql("load_1"))
                .isEqualTo(
                        "INSERT INTO \"reports\".\"test_record\" (\"id\", \"currency\", \"amount\", \"posted_at\", \"quantity\", \"note\")"
                                + " SELECT DISTINCT ON (\"id\") \"id\", \"currency\", \"amount\", \"posted_at\", \"quantity\", \"note\" FROM load_1"
                                + " ORDER BY \"id\", ctid DESC ON CONFLICT (\"id\") DO UPDATE SET \"currency\" = EXCLUDED.\"currency\","
                                + " \"amount\" = EXCLUDED.\"amount\", \"posted_at\" = EXCLUDED.\"posted_at\", \"quantity\" = EXCLUDED.\"quantity\","
                                + " \"note\" = EXCLUDED.\"note\"");
    }

    @Test
    void postgresqlUpsertsALoadWithEachKeyOnceWithoutSortingIt() {
        assertThat(RecordTable.of(SqlDialect.POSTGRESQL, null, TestRecord.LAYOUT)
                        .upsertOnceFromSql("load_1"))
                .isEqualTo(
                        "INSERT INTO \"test_record\" (\"id\", \"currency\", \"amount\", \"posted_at\", \"quantity\", \"note\")"
                                + " SELECT \"id\", \"currency\", \"amount\", \"posted_at\", \"quantity\", \"note\" FROM load_1"
                                + " ON CONFLICT (\"id\") DO UPDATE SET \"currency\" = EXCLUDED.\"currency\","
                                + " \"amount\" = EXCLUDED.\"amount\", \"posted_at\" = EXCLUDED.\"posted_at\", \"quantity\" = EXCLUDED.\"quantity\","
                                + " \"note\" = EXCLUDED.\"note\"");
    }

    @Test
    void aNaturalKeyThatIsEmptyOrNotAmongTheColumnsIsRejectedNamingBoth() {
        assertThatThrownBy(() -> RecordTable.of(SqlDialect.H2, null, keyed(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layout test_record: natural key [] must be a non-empty subset of its columns "
                        + "[id, currency, amount, postedAt, quantity, note]");
        assertThatThrownBy(() -> RecordTable.of(SqlDialect.H2, null, keyed(List.of("id", "reportId"))))
                .hasMessageStartingWith("layout test_record: natural key [id, reportId] must be");
    }

    private static RecordLayout<TestRecord> keyed(List<String> key) {
        return new RecordLayout<>() {
            @Override
            public String name() {
                return TestRecord.LAYOUT.name();
            }

            @Override
            public List<Column> columns() {
                return TestRecord.LAYOUT.columns();
            }

            @Override
            public List<String> naturalKey() {
                return key;
            }

            @Override
            public Object[] values(TestRecord record) {
                return TestRecord.LAYOUT.values(record);
            }
        };
    }
}
