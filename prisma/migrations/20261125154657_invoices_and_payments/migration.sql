-- Invoices record what their computation was given, and when they were paid in full.
ALTER TABLE "Invoice" ADD COLUMN     "inputs" JSONB NOT NULL,
ADD COLUMN     "paidAt" TIMESTAMPTZ(3);

-- Unit prices in hundredths of a cent: 50 % of $0.87 is $0.435 (docs/decisions/0005-fees.md).
-- No invoice has been issued before this migration, so the rename loses nothing.
ALTER TABLE "InvoiceLine" RENAME COLUMN "unitCents" TO "unitCentiCents";

ALTER TABLE "Invoice"
    ADD CONSTRAINT "Invoice_paid_at" CHECK (("status" = 'PAID') = ("paidAt" IS NOT NULL));

-- Payments never add up to more than the invoice, and only an issued invoice takes payments,
-- whatever code writes them: the invoice row is locked, so racing payments are serialized.
CREATE FUNCTION "payment_within_invoice"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    inv RECORD;
    paid bigint;
BEGIN
    SELECT "status", "totalCents" INTO inv FROM "Invoice" WHERE "id" = NEW."invoiceId" FOR UPDATE;
    IF inv."status" <> 'ISSUED' THEN
        RAISE EXCEPTION 'payment refused: invoice is %', inv."status" USING ERRCODE = 'check_violation';
    END IF;
    SELECT coalesce(sum("amountCents"), 0) INTO paid FROM "Payment" WHERE "invoiceId" = NEW."invoiceId";
    IF paid + NEW."amountCents" > inv."totalCents" THEN
        RAISE EXCEPTION 'payment refused: it would exceed the invoice total' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "Payment_within_invoice" BEFORE INSERT ON "Payment"
    FOR EACH ROW EXECUTE FUNCTION "payment_within_invoice"();
-- A payment is a fact: it is never edited or deleted (a refund would be its own record).
CREATE FUNCTION "payment_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Payment is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "Payment_append_only" BEFORE UPDATE OR DELETE ON "Payment"
    FOR EACH ROW EXECUTE FUNCTION "payment_refuse_change"();

-- Fee policies (RULES.md §6 "policy"; docs/decisions/0005-fees.md).
INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES
    ('fees.patientElectronicFlatCents', '650', CURRENT_TIMESTAMP),
    ('fees.patientPageCents', '25', CURRENT_TIMESTAMP);
