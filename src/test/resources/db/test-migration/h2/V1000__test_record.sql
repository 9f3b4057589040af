-- The table of TestRecord, the sink tests' stand-in layout, with the account every record table has

CREATE TABLE IF NOT EXISTS "TEST_RECORD" (
    "ID" CHARACTER VARYING,
    "CURRENCY" CHARACTER VARYING,
    "AMOUNT" DECFLOAT,
    "POSTED_AT" TIMESTAMP WITH TIME ZONE,
    "QUANTITY" BIGINT,
    "NOTE" CHARACTER VARYING,
    "ACCOUNT" CHARACTER VARYING DEFAULT 'default' NOT NULL,
    PRIMARY KEY ("ACCOUNT", "ID")
);

