-- The table of TestRecord, the sink tests' stand-in layout

CREATE TABLE IF NOT EXISTS "test_record" (
    "id" TEXT,
    "currency" TEXT,
    "amount" NUMERIC,
    "posted_at" TIMESTAMP WITH TIME ZONE,
    "quantity" BIGINT,
    "note" TEXT,
    PRIMARY KEY ("id")
);

