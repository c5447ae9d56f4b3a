/**
 * Child process of `npm run bench` (run with --conditions=react-server, as server code loads in
 * Next.js): times the two PDFs the application generates, in this process, against pdf-lib
 * writing a one-page document with one line of text (the stack's floor). Answers in JSON (lib/child.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { authorizationFormSchema, todayInChicago } from "../src/domain/authorization-form.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { renderAuthorizationPdf } from "../src/server/pdf/authorization-pdf.ts";
import { renderInvoicePdf } from "../src/server/pdf/invoice-pdf.ts";
import { validPatientForm } from "../tests/support/forms.ts";
import { writeResult } from "./lib/child.ts";
import { median, percentile } from "./lib/report.ts";

const ITERATIONS = Number(process.env.BENCH_PDF_ITERATIONS ?? 200);

async function time(fn: () => Promise<unknown>): Promise<{ medianMs: number; p95Ms: number; iterations: number }> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up: JIT, font subsets, module caches
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times)!, p95Ms: percentile(times, 95)!, iterations: ITERATIONS };
}

const now = new Date();
const today = todayInChicago(now);
const input = validPatientForm();
input.expiration = { kind: "DATE", date: `${Number(today.slice(0, 4)) + 1}-06-30` };
input.information = { ...input.information, dateTo: today };
const form = authorizationFormSchema(today).parse(input);

// A real request row (one the benchmark submitted) to address the invoice to; the invoice itself
// is built in memory as staff would issue it: four fee lines and one payment.
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) });
const request = await prisma.authorizationRequest.findFirstOrThrow({ where: { source: "ONLINE" }, orderBy: { receivedAt: "desc" } });
await prisma.$disconnect();
const line = (position: number, description: string, rule: string, quantity: number, unitCentiCents: number) => ({
  id: `00000000-0000-4000-8000-00000000000${position}`,
  invoiceId: "00000000-0000-4000-8000-000000000100",
  position,
  description,
  rule,
  quantity,
  unitCentiCents,
  amountCents: Math.round((quantity * unitCentiCents) / 100),
});
const invoice = {
  id: "00000000-0000-4000-8000-000000000100",
  number: "INV-2026-BENCH1",
  requestId: request.id,
  status: "ISSUED" as const,
  totalCents: 7_781,
  feeYear: now.getFullYear(),
  inputs: {},
  issuedAt: now,
  dueAt: new Date(now.getTime() + 30 * 86_400_000),
  issuedById: "00000000-0000-4000-8000-000000000200",
  paidAt: null,
  voidedAt: null,
  voidReason: null,
  version: 1,
  request,
  lines: [
    line(1, "Handling charge", "735 ILCS 5/8-2001(d) handling", 1, 3_322_00),
    line(2, "Pages 1–25", "735 ILCS 5/8-2001(d) pages 1-25", 25, 1_24_00),
    line(3, "Pages 26–50", "735 ILCS 5/8-2001(d) pages 26-50", 12, 83_00),
    line(4, "Postage", "Actual postage", 1, 3_63_00),
  ],
  payments: [
    {
      id: "00000000-0000-4000-8000-000000000300",
      invoiceId: "00000000-0000-4000-8000-000000000100",
      method: "CHECK" as const,
      amountCents: 2_000,
      receivedOn: now,
      checkNumber: "1042",
      cardLast4: null,
      cardAuthCode: null,
      recordedById: "00000000-0000-4000-8000-000000000200",
      createdAt: now,
    },
  ],
};

const baseline = await time(async () => {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText("Record Connect", { x: 72, y: 720, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
});
const authorization = await time(() => renderAuthorizationPdf({ form, confirmationNumber: "RC-BNCH-0001", submittedAt: now }));
const invoicePdf = await time(() => renderInvoicePdf(invoice));
await writeResult({ baseline, authorization, invoice: invoicePdf });
