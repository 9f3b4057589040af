-- The Transfers API v2024-06-01 model's PaymentMethodDetails carries the account holder's name (not
-- encrypted, unlike the older reference page's encryptedAccountHolderName) and an assignmentType.
ALTER TABLE "spapi_payment_method" ADD COLUMN IF NOT EXISTS "account_holder_name" TEXT;
ALTER TABLE "spapi_payment_method" ADD COLUMN IF NOT EXISTS "assignment_type" TEXT;
-- The model's own example lists a bank account and a card under one paymentMethodId: the id alone
-- would let one overwrite the other, so a method is keyed by its id and type.
ALTER TABLE "spapi_payment_method" DROP CONSTRAINT IF EXISTS "spapi_payment_method_pkey";
ALTER TABLE "spapi_payment_method" ADD PRIMARY KEY ("payment_instrument_id", "payment_instrument_type");
