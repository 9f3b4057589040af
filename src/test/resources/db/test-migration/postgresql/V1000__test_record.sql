-- The table of TestRecord, the sink tests' stand-in layout, with the account every record table has

CREATE TABLE IF NOT EXISTS "test_record" (
    "id" TEXT,
    "currency" TEXT,
    "amount" NUMERIC,
    "posted_at" TIMESTAMP WITH TIME ZONE,
    "quantity" BIGINT,
    "note" TEXT,
    "account" TEXT NOT NULL DEFAULT 'default',
    PRIMARY KEY ("account", "id")
);

