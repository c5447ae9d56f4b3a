import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { todayInChicago } from "../../src/domain/authorization-form";
import { UPLOAD_FIELDS } from "../../src/domain/submission";
import { photoPng } from "../support/files";
import { validPatientForm } from "../support/forms";
import { type Action, buildActions, encodeArguments, fuzzedArguments, fuzzedForm, malformedBody, OUR_FAULT, postAction } from "../support/http-fuzz";
import { signIn } from "./support/staff";

/**
 * Zero 5xx on bad input (SECURITY.md §19), against the production build: every server action
 * gets malformed bodies and hostile arguments, anonymously and as a signed-in associate; every
 * route handler and page gets garbage ids, query strings and cookies; a 46 MB post gets 413. No
 * refused input leaves a file behind. `npm run fuzz` runs the same with FUZZ_RUNS times more cases.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const FILES_DIR = ".data/e2e/files";

let actions: Action[] = [];
test.beforeAll(async () => {
  actions = await buildActions();
  expect(actions.length).toBeGreaterThanOrEqual(25);
});

async function storedFiles(): Promise<number> {
  try {
    return (await readdir(FILES_DIR, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

type Failure = { action: string; status: number; label: string; text: string };
const describeFailures = (failures: Failure[]) => failures.slice(0, 10).map((f) => `${f.action} ${f.status} [${f.label}] ${f.text.slice(0, 160)}`);

test.describe("zero 5xx on bad input", () => {
  test.describe.configure({ timeout: 600_000 * RUNS });

  test("malformed and hostile posts to every server action answer below 500, and store no file", async ({ baseURL }) => {
    const before = await storedFiles();
    const failures: Failure[] = [];
    let cases = 0;
    for (const action of actions) {
      const bodies = fc.sample(malformedBody, { numRuns: 20 * RUNS });
      const args = fc.sample(fuzzedArguments, { numRuns: 30 * RUNS });
      for (const body of [...bodies, ...(await Promise.all(args.map(encodeArguments)))]) {
        const outcome = await postAction(baseURL!, action, body);
        cases++;
        if (outcome.status >= 500 || OUR_FAULT.test(outcome.text)) failures.push({ action: action.name, status: outcome.status, label: body.label, text: outcome.text });
      }
    }
    expect(describeFailures(failures)).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(1000);
    expect(await storedFiles()).toBe(before);
  });

  test("as a signed-in associate: hostile forms to every staff action (invalid pickup dates included) answer below 500", async ({ page, baseURL }) => {
    await signIn(page, "associate@recordconnect.example");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const staffActions = actions.filter((a) => a.page.startsWith("/staff") && !/signOut/.test(a.name));
    const failures: Failure[] = [];
    for (const action of staffActions) {
      for (const form of fc.sample(fuzzedForm, { numRuns: 25 * RUNS })) {
        const data = new FormData();
        data.set("requestId", randomUUID());
        data.set("version", "1");
        for (const [name, value] of form) data.append(name, value);
        const outcome = await postAction(baseURL!, action, await encodeArguments([undefined, data]), cookie);
        if (outcome.status >= 500 || OUR_FAULT.test(outcome.text)) failures.push({ action: action.name, status: outcome.status, label: "signed-in form", text: outcome.text });
      }
    }
    // The red team's case: a pickup time that is no time at all.
    const schedule = actions.find((a) => a.name === "scheduleAction")!;
    for (const at of ["2026-13-45T99:99", "2026-02-30T10:00", "+275760-09-13T00:00", "9999-12-31T23:59"]) {
      const data = new FormData();
      data.set("requestId", randomUUID());
      data.set("version", "1");
      data.set("at", at);
      const outcome = await postAction(baseURL!, schedule, await encodeArguments([undefined, data]), cookie);
      if (outcome.status >= 500) failures.push({ action: schedule.name, status: outcome.status, label: `at=${at}`, text: outcome.text });
    }
    expect(describeFailures(failures)).toEqual([]);
  });

  test("a 46 MB post answers 413 with what to do, not 500", async ({ baseURL }) => {
    const submit = actions.find((a) => a.name === "submitAuthorization")!;
    const data = new FormData();
    data.set("payload", "{}");
    data.set(UPLOAD_FIELDS.photoId, new File([new Uint8Array(46 * 1024 * 1024)], "huge.png", { type: "image/png" }));
    const outcome = await postAction(baseURL!, submit, await encodeArguments([data]));
    expect(outcome.status).toBe(413);
    expect(outcome.text).toMatch(/too large.*45 MB/i);
  });

  test("route handlers and pages answer garbage ids, query strings and cookies below 500", async ({ baseURL, page }) => {
    await signIn(page, "associate@recordconnect.example");
    const staffCookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const routes = [
      "/api/health",
      "/forms/authorization.pdf",
      "/forms/own-records.pdf",
      "/request/confirmation/authorization.pdf",
      "/request/confirmation",
      "/portal",
      "/portal/request",
      "/portal/authorization.pdf",
      "/portal/records",
      "/portal/invoices/{id}",
      "/portal/download",
      "/portal/link-expired",
      "/staff",
      "/staff/requests/{id}",
      "/staff/requests/{id}/documents/{id}",
      "/staff/requests/{id}/invoices/{id}",
      "/staff/requests/new",
      "/staff/accounts",
      "/staff/notifications",
      "/staff/paper-uploads",
      "/staff/paper-uploads/{id}",
      "/staff/paper-uploads/{id}/scans/{id}",
      "/request/third-party",
      "/request/third-party/correct",
      "/request/third-party/correct/open",
      "/dev/mailbox",
      "/",
      "/request",
      "/request/own",
    ];
    const segment = fc.oneof(fc.uuid().map(String), fc.string({ maxLength: 40 }), fc.constantFrom("%00", "..%2f..%2fetc%2fpasswd", "%E0%A4%A", "x".repeat(3000), "😀", "null", "-1"));
    const query = fc.dictionary(fc.constantFrom("t", "status", "q", "due", "method", "source", "mine", "unassigned", "cursor", "after", "page", "resent", "refused", "who", "upload", "sentBack", "x"), fc.oneof(fc.string({ maxLength: 60 }), fc.constant("x".repeat(1500))), { maxKeys: 5 });
    const cookieValue = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(`${randomUUID()}.99999999999999.forged`, "a.b.c", "", "%"));
    const cookieName = fc.constantFrom("rc-receipt", "rc-staff", "rc-staff-pending", "portal-session", "portal-pending", "portal-grant", "x");
    const failures: Failure[] = [];
    const samples = fc.sample(fc.tuple(fc.constantFrom(...routes), segment, query, fc.array(fc.tuple(cookieName, cookieValue), { maxLength: 3 }), fc.boolean(), fc.constantFrom("GET", "GET", "POST", "HEAD")), { numRuns: 400 * RUNS });
    for (const [route, id, params, cookies, asStaff, method] of samples) {
      const url = new URL(route.replaceAll("{id}", encodeURIComponent(id)), baseURL);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      const cookie = [...cookies.map(([n, v]) => `${n}=${encodeURIComponent(v)}`), ...(asStaff ? [staffCookie] : [])].join("; ");
      const label = `${method} ${url.pathname.slice(0, 80)}${url.search.slice(0, 80)}`;
      try {
        const response = await fetch(url, { method, headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(20_000) });
        const text = method === "HEAD" ? "" : await response.text();
        if (response.status >= 500) failures.push({ action: label, status: response.status, label: cookie.slice(0, 60), text });
      } catch (error) {
        failures.push({ action: label, status: 0, label: cookie.slice(0, 60), text: String(error) });
      }
    }
    expect(describeFailures(failures)).toEqual([]);
  });
});

test("a file download keeps its sandbox policy: the page policy does not replace it", async ({ baseURL }) => {
  const submit = (await buildActions()).find((a) => a.name === "submitAuthorization")!;
  const form = validPatientForm();
  const today = todayInChicago();
  form.expiration = { kind: "DATE", date: `${Number(today.slice(0, 4)) + 1}-06-30` };
  form.information = { ...form.information, dateTo: today };
  // A patient of its own: other specs count the demo patients' rows in the queue.
  form.patient = { ...form.patient, firstName: "Sandbox", lastName: "Headercheck" };
  form.signature = { ...form.signature, typedName: "Sandbox Headercheck" };
  const data = new FormData();
  data.set("payload", JSON.stringify(form));
  data.set("idempotencyKey", randomUUID());
  data.set(UPLOAD_FIELDS.photoId, new File([new Uint8Array(photoPng())], "photo-id.png", { type: "image/png" }));
  const body = await encodeArguments([data]);
  const response = await fetch(new URL("/request", baseURL), {
    method: "POST",
    headers: { "content-type": body.contentType, accept: "text/x-component", "next-action": submit.id, origin: new URL(baseURL!).origin },
    body: body.body,
  });
  const answer = await response.text();
  expect(answer).toMatch(/"ok":true/);
  // The answer carries the signed receipt; the form hands it to the receipt route, which sets the cookie (decision 0021).
  const signed = /"receipt":"([^"]+)"/.exec(answer)?.[1];
  expect(signed, "the submission's answer carries a receipt").toBeTruthy();
  const handed = await fetch(new URL("/request/confirmation/receipt", baseURL), { method: "POST", headers: { "content-type": "text/plain", origin: new URL(baseURL!).origin }, body: signed });
  expect(handed.status).toBe(204);
  const receipt = handed.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const pdf = await fetch(new URL("/request/confirmation/authorization.pdf", baseURL), { headers: { cookie: receipt } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get("content-type")).toBe("application/pdf");
  expect(pdf.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  expect(pdf.headers.get("content-disposition")).toMatch(/^attachment;/);
});
