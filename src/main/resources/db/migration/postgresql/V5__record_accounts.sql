-- Every record carries the merchant account it came from (AccountedLayout), so one table holds many accounts'
-- records. Rows stored before accounts existed are the default account's. The account leads the primary key:
-- two accounts whose report or transaction ids are the same each keep their rows.

ALTER TABLE "amazonpay_authorization" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_authorization" DROP CONSTRAINT IF EXISTS "amazonpay_authorization_pkey";
ALTER TABLE "amazonpay_authorization" ADD PRIMARY KEY ("account", "report_id", "line_number");

ALTER TABLE "amazonpay_billing_agreement" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_billing_agreement" DROP CONSTRAINT IF EXISTS "amazonpay_billing_agreement_pkey";
ALTER TABLE "amazonpay_billing_agreement" ADD PRIMARY KEY ("account", "report_id", "line_number");

ALTER TABLE "amazonpay_capture" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_capture" DROP CONSTRAINT IF EXISTS "amazonpay_capture_pkey";
ALTER TABLE "amazonpay_capture" ADD PRIMARY KEY ("account", "report_id", "line_number");

ALTER TABLE "amazonpay_disbursement" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_disbursement" DROP CONSTRAINT IF EXISTS "amazonpay_disbursement_pkey";
ALTER TABLE "amazonpay_disbursement" ADD PRIMARY KEY ("account", "amazon_disbursement_reference_id");

ALTER TABLE "amazonpay_multi_currency_payments" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_multi_currency_payments" DROP CONSTRAINT IF EXISTS "amazonpay_multi_currency_payments_pkey";
ALTER TABLE "amazonpay_multi_currency_payments" ADD PRIMARY KEY ("account", "report_id", "line_number");

ALTER TABLE "amazonpay_order_reference" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_order_reference" DROP CONSTRAINT IF EXISTS "amazonpay_order_reference_pkey";
ALTER TABLE "amazonpay_order_reference" ADD PRIMARY KEY ("account", "report_id", "line_number");

ALTER TABLE "amazonpay_refund" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_refund" DROP CONSTRAINT IF EXISTS "amazonpay_refund_pkey";
ALTER TABLE "amazonpay_refund" ADD PRIMARY KEY ("account", "report_id", "line_number");

ALTER TABLE "amazonpay_settlement" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "amazonpay_settlement" DROP CONSTRAINT IF EXISTS "amazonpay_settlement_pkey";
ALTER TABLE "amazonpay_settlement" ADD PRIMARY KEY ("account", "report_id", "line_number");

ALTER TABLE "spapi_transaction" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "spapi_transaction" DROP CONSTRAINT IF EXISTS "spapi_transaction_pkey";
ALTER TABLE "spapi_transaction" ADD PRIMARY KEY ("account", "transaction_id");

ALTER TABLE "spapi_transaction_breakdown" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "spapi_transaction_breakdown" DROP CONSTRAINT IF EXISTS "spapi_transaction_breakdown_pkey";
ALTER TABLE "spapi_transaction_breakdown" ADD PRIMARY KEY ("account", "transaction_id", "line_number");

ALTER TABLE "spapi_payment_method" ADD COLUMN IF NOT EXISTS "account" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "spapi_payment_method" DROP CONSTRAINT IF EXISTS "spapi_payment_method_pkey";
ALTER TABLE "spapi_payment_method" ADD PRIMARY KEY ("account", "payment_instrument_id", "payment_instrument_type");
