package io.payreports.spapi;

import static io.payreports.reports.RecordLayout.ColumnType.TEXT;

import io.payreports.reports.RecordLayout;
import java.util.List;

/** Payout methods keyed by paymentInstrumentId and paymentInstrumentType (the model's paymentMethodId and paymentMethodType): each run refreshes the same rows. */
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
            new Column("encryptedAccountHolderName", TEXT),
            new Column("accountHolderName", TEXT),
            new Column("assignmentType", TEXT));

    private PaymentMethodLayout() {}

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
        // the Transfers API model's own example lists a bank account and a card under one paymentMethodId
        return List.of("paymentInstrumentId", "paymentInstrumentType");
    }

    @Override
    public Object[] values(PaymentMethod m) {
        return new Object[] {
            m.paymentInstrumentId(),
            m.paymentInstrumentType(),
            m.tail(),
            m.expiryMonth(),
            m.expiryYear(),
            m.countryCode(),
            m.defaultMarketplaces(),
            m.encryptedAccountHolderName(),
            m.accountHolderName(),
            m.assignmentType()
        };
    }
}
