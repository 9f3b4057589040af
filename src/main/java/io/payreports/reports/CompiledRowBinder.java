package io.payreports.reports;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.dataformat.bindy.Format;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.dataformat.bindy.format.FormatException;

/**
 * Binds rows as Bindy's {@code BindyCsvFactory.bind} does, with the model's {@code @DataField} and
 * {@code @BindyConverter} annotations read and each column's converter created once per model. Bindy does
 * all of that again for every field of every row (annotation proxies, {@code ConverterUtils.convert}, a new
 * {@code Format}), which made binding most of the reader's time.
 * <p>
 * It implements the subset of Bindy the report models use: {@code pos}, {@code columnName} and
 * {@code required} on {@code String} fields or fields with a {@code @BindyConverter}. A model declaring any
 * other attribute is not compiled ({@link #of} is empty) and Bindy binds it, so a model never binds
 * differently for lack of a feature here. Bindy's behaviour is kept to the letter, quirks included:
 * an empty field is null, an empty required one is rejected, and a doubled quote inside a field is
 * collapsed to one before conversion ({@code BindyCsvFactory} does so for the {@code "} quote).
 * {@code CompiledRowBinderTest} parses every fixture both ways and compares.
 * <p>
 * Converters are shared by every reader of the model, so they must be stateless, as the reports'
 * {@link AmazonAmountFormat} and {@link AmazonTimestampFormat} are.
 *
 * @param <T> the Bindy record class
 */
final class CompiledRowBinder<T extends ReportRecord> implements RowBinder<T> {

    private static final Set<String> COMPILED_ATTRIBUTES = Set.of("pos", "columnName", "required");

    private final Constructor<T> constructor;
    private final Column[] columns;
    private final boolean collapseDoubledQuotes;

    /**
     * One CSV column: its field, whether it must be filled, and the converter from text (null: the text itself).
     *
     * @param pos Bindy's 1-based position, as its messages quote it
     */
    private record Column(String name, int pos, boolean required, Field field, Format<?> converter) {}

    private CompiledRowBinder(Constructor<T> constructor, Column[] columns, boolean collapseDoubledQuotes) {
        this.constructor = constructor;
        this.columns = columns;
        this.collapseDoubledQuotes = collapseDoubledQuotes;
    }

    /**
     * @param dataFields the model's {@code @DataField}s in position order, accessible
     * @return empty when the model uses Bindy features this binder does not implement
     */
    static <T extends ReportRecord> Optional<CompiledRowBinder<T>> of(Class<T> type, List<Field> dataFields) {
        CsvRecord csv = type.getAnnotation(CsvRecord.class);
        if (csv == null || csv.quotingEscaped()) {
            return Optional.empty();
        }
        Column[] columns = new Column[dataFields.size()];
        for (int i = 0; i < columns.length; i++) {
            Field field = dataFields.get(i);
            DataField dataField = field.getAnnotation(DataField.class);
            BindyConverter converter = field.getAnnotation(BindyConverter.class);
            if (!onlyCompiledAttributes(dataField) || (converter == null && field.getType() != String.class)) {
                return Optional.empty();
            }
            columns[i] = new Column(
                    dataField.columnName(),
                    dataField.pos(),
                    dataField.required(),
                    field,
                    converter == null ? null : newConverter(converter));
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return Optional.of(new CompiledRowBinder<>(constructor, columns, "\"".equals(csv.quote())));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a no-argument constructor, as Bindy does", e);
        }
    }

    @Override
    public T bind(List<String> fields, long lineNumber) throws RowRejectedException {
        if (fields.size() != columns.length) {
            throw new RowRejectedException("expected " + columns.length + " fields, found " + fields.size());
        }
        T record = newRecord();
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            String text = fields.get(i);
            if (text.isEmpty() && column.required()) {
                throw new RowRejectedException(column.name() + ": required value missing");
            }
            set(column, record, text.isEmpty() ? null : convert(column, text, lineNumber));
        }
        return record;
    }

    private Object convert(Column column, String text, long lineNumber) throws RowRejectedException {
        String value = collapseDoubledQuotes && text.contains("\"\"") ? text.replace("\"\"", "\"") : text;
        if (column.converter() == null) {
            return value;
        }
        try {
            return column.converter().parse(value);
        } catch (Exception e) {
            throw new RowRejectedException(column.name() + ": " + problem(column, e, lineNumber));
        }
    }

    /** The converter's own message; without one, the message Bindy would have given. */
    private static String problem(Column column, Exception e, long lineNumber) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        String where = "position: " + column.pos() + ", line: " + Math.min(lineNumber, Integer.MAX_VALUE);
        return e instanceof FormatException
                ? "null, " + where
                : "Parsing error detected for field defined at the " + where;
    }

    private T newRecord() {
        try {
            return constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot create a " + constructor.getDeclaringClass().getName(), e);
        }
    }

    private static void set(Column column, Object record, Object value) {
        try {
            column.field().set(record, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + column.field(), e); // made accessible by the model
        }
    }

    private static boolean onlyCompiledAttributes(DataField dataField) {
        for (Method attribute : DataField.class.getDeclaredMethods()) {
            if (!COMPILED_ATTRIBUTES.contains(attribute.getName())
                    && !Objects.deepEquals(value(attribute, dataField), attribute.getDefaultValue())) {
                return false;
            }
        }
        return true;
    }

    private static Object value(Method attribute, DataField dataField) {
        try {
            return attribute.invoke(dataField);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read @DataField." + attribute.getName(), e);
        }
    }

    private static Format<?> newConverter(BindyConverter converter) {
        try {
            return (Format<?>) converter.value().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    "cannot create the converter " + converter.value().getName(), e);
        }
    }
}
