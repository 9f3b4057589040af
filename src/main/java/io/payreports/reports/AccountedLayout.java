package io.payreports.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A layout's records with the merchant account they came from as one more column, {@code account}, last, and
 * first in the natural key: one table, file set or topic then holds many accounts' records apart, even where two
 * accounts' report or transaction ids are the same. The delivery hands every sink its records this way.
 */
public final class AccountedLayout<T> implements RecordLayout<T> {

    public static final Column ACCOUNT = new Column("account", ColumnType.TEXT);

    private final RecordLayout<T> of;
    private final String account;
    private final List<Column> columns;
    private final List<String> naturalKey;

    private AccountedLayout(RecordLayout<T> of, String account) {
        this.of = of;
        this.account = account;
        List<Column> withAccount = new ArrayList<>(of.columns());
        withAccount.add(ACCOUNT);
        this.columns = List.copyOf(withAccount);
        List<String> key = new ArrayList<>(of.naturalKey().size() + 1);
        key.add(ACCOUNT.name());
        key.addAll(of.naturalKey());
        this.naturalKey = List.copyOf(key);
    }

    /** The layout with the account: itself when it carries the account already (records spooled with it). */
    public static <T> RecordLayout<T> of(RecordLayout<T> layout, String account) {
        return layout.columns().contains(ACCOUNT) ? layout : new AccountedLayout<>(layout, account);
    }

    @Override
    public String name() {
        return of.name();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<String> naturalKey() {
        return naturalKey;
    }

    @Override
    public Object[] values(T record) {
        Object[] values = of.values(record);
        Object[] withAccount = Arrays.copyOf(values, values.length + 1);
        withAccount[values.length] = account;
        return withAccount;
    }
}
