-- The Transfers API v2024-06-01 model's PaymentMethodDetails carries the account holder's name (not
-- encrypted, unlike the older reference page's encryptedAccountHolderName) and an assignmentType.
ALTER TABLE "SPAPI_PAYMENT_METHOD" ADD COLUMN IF NOT EXISTS "ACCOUNT_HOLDER_NAME" CHARACTER VARYING;
ALTER TABLE "SPAPI_PAYMENT_METHOD" ADD COLUMN IF NOT EXISTS "ASSIGNMENT_TYPE" CHARACTER VARYING;
-- The model's own example lists a bank account and a card under one paymentMethodId: the id alone
-- would let one overwrite the other, so a method is keyed by its id and type.
ALTER TABLE "SPAPI_PAYMENT_METHOD" ALTER COLUMN "PAYMENT_INSTRUMENT_TYPE" SET NOT NULL;
ALTER TABLE "SPAPI_PAYMENT_METHOD" DROP PRIMARY KEY;
ALTER TABLE "SPAPI_PAYMENT_METHOD" ADD PRIMARY KEY ("PAYMENT_INSTRUMENT_ID", "PAYMENT_INSTRUMENT_TYPE");
