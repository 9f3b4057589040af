-- The SP-API record tables (TransactionLayout, BreakdownLineLayout, PaymentMethodLayout), one row per natural key.
-- The nested transaction parts (relatedIdentifiers, items, contexts, breakdowns) are JSON text as Amazon sent it.

CREATE TABLE IF NOT EXISTS "spapi_transaction" (
    "transaction_id" TEXT,
    "transaction_type" TEXT,
    "transaction_status" TEXT,
    "description" TEXT,
    "posted_date" TIMESTAMP WITH TIME ZONE,
    "posted_date_raw" TEXT,
    "total_amount" NUMERIC,
    "total_currency" TEXT,
    "marketplace_id" TEXT,
    "marketplace_name" TEXT,
    "selling_partner_id" TEXT,
    "account_type" TEXT,
    "related_identifiers" TEXT,
    "items" TEXT,
    "contexts" TEXT,
    "breakdowns" TEXT,
    PRIMARY KEY ("transaction_id")
);

CREATE TABLE IF NOT EXISTS "spapi_transaction_breakdown" (
    "transaction_id" TEXT,
    "line_number" BIGINT,
    "path" TEXT,
    "breakdown_type" TEXT,
    "depth" BIGINT,
    "leaf" TEXT,
    "amount" NUMERIC,
    "currency_code" TEXT,
    "posted_date" TIMESTAMP WITH TIME ZONE,
    "transaction_type" TEXT,
    "marketplace_id" TEXT,
    PRIMARY KEY ("transaction_id", "line_number")
);

CREATE TABLE IF NOT EXISTS "spapi_payment_method" (
    "payment_instrument_id" TEXT,
    "payment_instrument_type" TEXT,
    "tail" TEXT,
    "expiry_month" TEXT,
    "expiry_year" TEXT,
    "country_code" TEXT,
    "default_marketplaces" TEXT,
    "encrypted_account_holder_name" TEXT,
    PRIMARY KEY ("payment_instrument_id")
);
