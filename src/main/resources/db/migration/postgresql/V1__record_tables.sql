-- The record tables of every report type's layout (ReportModels, DisbursementLayout), one row per
-- natural key. IF NOT EXISTS: databases written before the migrations already have these tables.

CREATE TABLE IF NOT EXISTS "amazonpay_authorization" (
    "report_id" TEXT,
    "line_number" BIGINT,
    "amazon_authorization_id" TEXT,
    "authorization_reference_id" TEXT,
    "amazon_order_reference_id" TEXT,
    "authorization_amount" NUMERIC,
    "currency_code" TEXT,
    "seller_authorization_note" TEXT,
    "authorization_status" TEXT,
    "last_update_timestamp" TIMESTAMP WITH TIME ZONE,
    "reason_code" TEXT,
    "creation_timestamp" TIMESTAMP WITH TIME ZONE,
    "expiration_timestamp" TIMESTAMP WITH TIME ZONE,
    "captured_amount" NUMERIC,
    "last_update_timestamp_raw" TEXT,
    "creation_timestamp_raw" TEXT,
    "expiration_timestamp_raw" TEXT,
    "extra_columns" TEXT,
    PRIMARY KEY ("report_id", "line_number")
);

CREATE TABLE IF NOT EXISTS "amazonpay_billing_agreement" (
    "report_id" TEXT,
    "line_number" BIGINT,
    "amazon_billing_agreement_id" TEXT,
    "seller_billing_agreement_id" TEXT,
    "store_name" TEXT,
    "billing_agreement_status" TEXT,
    "last_update_timestamp" TIMESTAMP WITH TIME ZONE,
    "reason_code" TEXT,
    "creation_timestamp" TIMESTAMP WITH TIME ZONE,
    "last_update_timestamp_raw" TEXT,
    "creation_timestamp_raw" TEXT,
    "extra_columns" TEXT,
    PRIMARY KEY ("report_id", "line_number")
);

CREATE TABLE IF NOT EXISTS "amazonpay_capture" (
    "report_id" TEXT,
    "line_number" BIGINT,
    "amazon_capture_id" TEXT,
    "capture_reference_id" TEXT,
    "amazon_authorization_id" TEXT,
    "amazon_order_reference_id" TEXT,
    "capture_amount" NUMERIC,
    "currency_code" TEXT,
    "seller_capture_note" TEXT,
    "capture_status" TEXT,
    "last_update_timestamp" TIMESTAMP WITH TIME ZONE,
    "reason_code" TEXT,
    "creation_timestamp" TIMESTAMP WITH TIME ZONE,
    "buyer_name" TEXT,
    "buyer_email_address" TEXT,
    "billing_address_line1" TEXT,
    "billing_address_line2" TEXT,
    "billing_address_line3" TEXT,
    "billing_address_city" TEXT,
    "billing_address_district_or_county" TEXT,
    "billing_address_state_or_region" TEXT,
    "billing_address_postal_code" TEXT,
    "billing_address_country_code" TEXT,
    "last_update_timestamp_raw" TEXT,
    "creation_timestamp_raw" TEXT,
    "extra_columns" TEXT,
    PRIMARY KEY ("report_id", "line_number")
);

CREATE TABLE IF NOT EXISTS "amazonpay_disbursement" (
    "amazon_disbursement_reference_id" TEXT,
    "settlement_id" TEXT,
    "seller_id" TEXT,
    "amount" NUMERIC,
    "currency_code" TEXT,
    "transaction_time" TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY ("amazon_disbursement_reference_id")
);

CREATE TABLE IF NOT EXISTS "amazonpay_multi_currency_payments" (
    "report_id" TEXT,
    "line_number" BIGINT,
    "amazon_order_reference_id" TEXT,
    "amazon_transaction_id" TEXT,
    "transaction_type" TEXT,
    "transaction_date" TIMESTAMP WITH TIME ZONE,
    "transaction_amount" NUMERIC,
    "transaction_currency_code" TEXT,
    "presentment_amount" NUMERIC,
    "presentment_currency_code" TEXT,
    "conversion_rate" NUMERIC,
    "transaction_date_raw" TEXT,
    "extra_columns" TEXT,
    PRIMARY KEY ("report_id", "line_number")
);

CREATE TABLE IF NOT EXISTS "amazonpay_order_reference" (
    "report_id" TEXT,
    "line_number" BIGINT,
    "amazon_order_reference_id" TEXT,
    "seller_order_id" TEXT,
    "store_name" TEXT,
    "order_total" NUMERIC,
    "currency_code" TEXT,
    "seller_note" TEXT,
    "order_reference_status" TEXT,
    "last_update_timestamp" TIMESTAMP WITH TIME ZONE,
    "reason_code" TEXT,
    "creation_timestamp" TIMESTAMP WITH TIME ZONE,
    "expiration_timestamp" TIMESTAMP WITH TIME ZONE,
    "last_update_timestamp_raw" TEXT,
    "creation_timestamp_raw" TEXT,
    "expiration_timestamp_raw" TEXT,
    "extra_columns" TEXT,
    PRIMARY KEY ("report_id", "line_number")
);

CREATE TABLE IF NOT EXISTS "amazonpay_refund" (
    "report_id" TEXT,
    "line_number" BIGINT,
    "amazon_refund_id" TEXT,
    "refund_reference_id" TEXT,
    "amazon_capture_id" TEXT,
    "amazon_order_reference_id" TEXT,
    "refund_amount" NUMERIC,
    "currency_code" TEXT,
    "seller_refund_note" TEXT,
    "refund_status" TEXT,
    "last_update_timestamp" TIMESTAMP WITH TIME ZONE,
    "reason_code" TEXT,
    "creation_timestamp" TIMESTAMP WITH TIME ZONE,
    "refund_type" TEXT,
    "last_update_timestamp_raw" TEXT,
    "creation_timestamp_raw" TEXT,
    "extra_columns" TEXT,
    PRIMARY KEY ("report_id", "line_number")
);

CREATE TABLE IF NOT EXISTS "amazonpay_settlement" (
    "report_id" TEXT,
    "line_number" BIGINT,
    "seller_id" TEXT,
    "settlement_start_date" TIMESTAMP WITH TIME ZONE,
    "settlement_end_date" TIMESTAMP WITH TIME ZONE,
    "transaction_posted_date" TIMESTAMP WITH TIME ZONE,
    "settlement_id" TEXT,
    "amazon_transaction_id" TEXT,
    "seller_reference_id" TEXT,
    "transaction_type" TEXT,
    "amazon_order_reference_id" TEXT,
    "seller_order_id" TEXT,
    "store_name" TEXT,
    "currency_code" TEXT,
    "transaction_description" TEXT,
    "transaction_amount" NUMERIC,
    "transaction_percentage_fee" NUMERIC,
    "transaction_fixed_fee" NUMERIC,
    "total_transaction_fee" NUMERIC,
    "net_transaction_amount" NUMERIC,
    "transaction_posted_date_raw" TEXT,
    "extra_columns" TEXT,
    PRIMARY KEY ("report_id", "line_number")
);

