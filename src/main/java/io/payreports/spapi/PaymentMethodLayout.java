package io.payreports.spapi;

import io.payreports.reports.RecordLayout;

import java.util.List;

import static io.payreports.reports.RecordLayout.ColumnType.TEXT;

/** Payout methods keyed by paymentInstrumentId: each run refreshes the same rows. */
public final class PaymentMethodLayout implements RecordLayout<PaymentMethod> {

    public static final PaymentMethodLayout INSTANCE = new PaymentMethodLayout();

    private static final List<Column> COLUMNS = List.of(
            new Column("paymentInstrumentId", TEXT),
            new Column("paymentInstrumentType", TEXT),
            new Column("tail", TEXT),
            new Column("expiryMonth", TEXT),
            new Column("expiryYear", TEXT),
            new Column("countryCode", TEXT),
            new Column("defaultMarketplaces", TEXT),
            new Column("encryptedAccountHolderName", TEXT));

    private PaymentMethodLayout() {
    }

    @Override
    public String name() {
        return "spapi_payment_method";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> naturalKey() {
        return List.of("paymentInstrumentId");
    }

    @Override
    public Object[] values(PaymentMethod m) {
        return new Object[] {m.paymentInstrumentId(), m.paymentInstrumentType(), m.tail(), m.expiryMonth(), m.expiryYear(), m.countryCode(),
                m.defaultMarketplaces(), m.encryptedAccountHolderName()};
    }
}
