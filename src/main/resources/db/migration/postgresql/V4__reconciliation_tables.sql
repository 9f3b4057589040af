-- Reconciliation runs (reconcile command, reconciliation job) and their items: one row per settlement
-- period, payout and order transaction checked, matched or not, with the reason.

CREATE TABLE IF NOT EXISTS "reconciliation_run" (
    "run_id" TEXT,
    "account" TEXT,
    "from_date" DATE,
    "to_date" DATE,
    "started_at" TIMESTAMP WITH TIME ZONE,
    "balanced" BOOLEAN,
    "items" BIGINT,
    "unmatched" BIGINT,
    "pending" BIGINT,
    "amount_tolerance_minor_units" BIGINT,
    "payout_window_days" BIGINT,
    "unsettled_capture_days" BIGINT,
    PRIMARY KEY ("run_id")
);

CREATE TABLE IF NOT EXISTS "reconciliation_item" (
    "run_id" TEXT,
    "item_number" BIGINT,
    "account" TEXT,
    "check_name" TEXT,
    "status" TEXT,
    "reason" TEXT,
    "reference" TEXT,
    "currency_code" TEXT,
    "expected_amount" NUMERIC,
    "actual_amount" NUMERIC,
    "difference" NUMERIC,
    "occurred_at" TIMESTAMP WITH TIME ZONE,
    "occurred_at_raw" TEXT,
    "detail" TEXT,
    PRIMARY KEY ("run_id", "item_number")
);
