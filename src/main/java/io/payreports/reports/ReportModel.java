package io.payreports.reports;

import static io.payreports.reports.RecordLayout.ColumnType.BIGINT;
import static io.payreports.reports.RecordLayout.ColumnType.DECIMAL;
import static io.payreports.reports.RecordLayout.ColumnType.TEXT;
import static io.payreports.reports.RecordLayout.ColumnType.TIMESTAMP;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One flat-file report type: its Bindy record class, the header block keys above its column line, and
 * the sink layout derived from the Bindy annotations, so that a new report type is one annotated class
 * and one line in {@link ReportModels}, not a reader and a layout of its own.
 * <p>
 * Sink columns, in order: {@code reportId, lineNumber}, the header values, the CSV columns (named after
 * the Java fields), {@code <field>Raw} for each timestamp column (the text as Amazon wrote it, offset
 * included), and {@code extraColumns}: the file's unknown columns as a JSON object, null when none.
 *
 * @param <T> the Bindy record class
 */
public final class ReportModel<T extends ReportRecord> implements RecordLayout<T> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Class<T> type;
    private final List<HeaderField> headerFields;
    /** The {@code @DataField}s in CSV position order. */
    private final List<Field> dataFields;

    private final List<Column> columns = new ArrayList<>();
    /** Read once: annotation proxies are slow, and the reader asks per row. */
    private final List<String> csvColumns;

    private final Set<String> requiredColumns;
    private final List<Integer> timestampPositions;
    /** Null when the model needs Bindy features the compiled binder lacks. */
    private final CompiledRowBinder<T> compiledBinder;

    /**
     * @param name         layout name, used for table and file names, e.g. {@code amazonpay_settlement}
     * @param headerFields keys of the block above the column line; empty when the report has none
     */
    public ReportModel(String name, Class<T> type, List<HeaderField> headerFields) {
        this.name = name;
        this.type = type;
        this.headerFields = List.copyOf(headerFields);
        this.dataFields = annotatedFields(type);
        this.csvColumns = dataFields.stream()
                .map(field -> field.getAnnotation(DataField.class).columnName())
                .toList();
        this.requiredColumns = dataFields.stream()
                .map(field -> field.getAnnotation(DataField.class))
                .filter(DataField::required)
                .map(DataField::columnName)
                .collect(Collectors.toUnmodifiableSet());
        this.timestampPositions = positionsOf(Instant.class);
        this.compiledBinder = CompiledRowBinder.of(type, dataFields).orElse(null);
        columns.add(new Column("reportId", TEXT));
        columns.add(new Column("lineNumber", BIGINT));
        headerFields.forEach(header -> columns.add(new Column(header.columnName(), header.type())));
        dataFields.forEach(field -> columns.add(new Column(field.getName(), columnType(field))));
        timestampFields().forEach(field -> columns.add(new Column(field.getName() + "Raw", TEXT)));
        columns.add(new Column("extraColumns", TEXT));
    }

    public Class<T> recordType() {
        return type;
    }

    public List<HeaderField> headerFields() {
        return headerFields;
    }

    /** The CSV column names in Bindy position order, as the file's column line spells them. */
    public List<String> csvColumns() {
        return csvColumns;
    }

    /** Whether the column must be present in the file's column line (and filled in every row). */
    public boolean isRequired(String csvColumn) {
        return requiredColumns.contains(csvColumn);
    }

    /**
     * The binder of this model's rows: the compiled one where the model allows, else Bindy's own.
     *
     * @param camelContext asked for only when Bindy binds
     */
    RowBinder<T> binder(Supplier<CamelContext> camelContext) {
        return compiledBinder != null ? compiledBinder : new BindyRowBinder<>(this, camelContext.get());
    }

    /** Positions (in {@link #csvColumns()}) of the columns of the given Java type. */
    List<Integer> positionsOf(Class<?> javaType) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < dataFields.size(); i++) {
            if (dataFields.get(i).getType() == javaType) {
                positions.add(i);
            }
        }
        return positions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    /** Report and line: Amazon's flat files have no row id that every row carries (Transfer rows have none). */
    @Override
    public List<String> naturalKey() {
        return List.of("reportId", "lineNumber");
    }

    @Override
    public Object[] values(T record) {
        Object[] values = new Object[columns.size()];
        int i = 0;
        values[i++] = record.getReportId();
        values[i++] = record.getLineNumber();
        for (HeaderField header : headerFields) {
            values[i++] = record.getHeader().get(header.key());
        }
        for (Field field : dataFields) {
            values[i++] = read(field, record);
        }
        for (int position : timestampPositions) {
            values[i++] = record.getRawValue(csvColumns.get(position));
        }
        values[i] = extraColumnsJson(record.getExtraColumns());
        return values;
    }

    private List<Field> timestampFields() {
        return dataFields.stream()
                .filter(field -> field.getType() == Instant.class)
                .toList();
    }

    private static Object read(Field field, Object record) {
        try {
            return field.get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e); // fields are made accessible at construction
        }
    }

    private static String extraColumnsJson(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(extra);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write extra columns as JSON", e); // a map of strings always can
        }
    }

    private static List<Field> annotatedFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(DataField.class)) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        fields.sort(Comparator.comparingInt(
                field -> field.getAnnotation(DataField.class).pos()));
        for (int i = 0; i < fields.size(); i++) {
            // Bindy's error messages name a column by pos; the reader maps it back by list index
            if (fields.get(i).getAnnotation(DataField.class).pos() != i + 1) {
                throw new IllegalArgumentException(
                        type.getName() + ": @DataField positions must run 1.." + fields.size() + " without gaps");
            }
        }
        return List.copyOf(fields);
    }

    private static ColumnType columnType(Field field) {
        if (field.getType() == BigDecimal.class) {
            return DECIMAL;
        }
        if (field.getType() == Instant.class) {
            return TIMESTAMP;
        }
        if (field.getType() == String.class) {
            return TEXT;
        }
        throw new IllegalArgumentException(field + ": report columns are String, BigDecimal or Instant");
    }

    /**
     * A key of the block above the column line.
     *
     * @param key  as the file spells it, e.g. {@code SettlementStartDate}; matched ignoring case
     * @param type TEXT or TIMESTAMP
     */
    public record HeaderField(String key, ColumnType type) {

        /** {@code SettlementStartDate} → {@code settlementStartDate}. */
        String columnName() {
            return Character.toLowerCase(key.charAt(0)) + key.substring(1);
        }
    }
}
