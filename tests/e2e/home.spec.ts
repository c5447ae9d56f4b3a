import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("public home page", () => {
  test("explains how to request records, the notes, the phone line and the fee rules", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const main = page.getByRole("main");
    // Two doors (issue 17): the patient's own records, and sending records to someone else.
    await expect(main.getByRole("link", { name: "Get my own records" }).first()).toHaveAttribute("href", "/request/own");
    await expect(main.getByRole("link", { name: "Send records to someone else" }).first()).toHaveAttribute("href", "/request");
    await expect(main.getByRole("heading", { name: "Your right to your own records" })).toBeVisible();
    await expect(main.getByRole("link", { name: /sign in to mychart/i })).toHaveAttribute("href", /^https:\/\//);
    await expect(main).toContainText(/paper form/i);
    await expect(main).toContainText("MyChart");
    await expect(main).toContainText("Edward-Elmhurst");
    await expect(main).toContainText(/to DuPage Medical Group from another/i);
    await expect(page.getByText("1-630-873-8748").first()).toBeVisible();
    await expect(main).toContainText(/8 AM.+5 PM/);
    await expect(main).toContainText(/cash is never accepted/i);
    await expect(main).toContainText("(312) 757-5020");
    await expect(main).toContainText(/another medical provider/i);
  });

  test("has no accessibility violations (WCAG 2.2 AA)", async ({ page }) => {
    await page.goto("/");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations).toEqual([]);
  });

  test("is served with a fresh CSP nonce per response and the hardening headers", async ({ request, page }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    const csp = first.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
    // The page's scripts carry that response's nonce.
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    const h = first.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["cache-control"]).toContain("no-store");
    expect(h["x-powered-by"]).toBeUndefined();

    // And the browser runs the page under it without a single CSP violation, hydration included.
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto("/");
    await page.waitForLoadState("load");
    await page.waitForFunction(() => document.querySelectorAll("script[src]").length > 0);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});

test("GET /api/health reports database, SMTP and jobs, without PHI", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", checks: { database: { ok: true }, smtp: { ok: true } }, jobs: { pending: expect.any(Number), dead: 0 } });
});

test("unknown pages get a calm 404 with the phone line", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("1-630-873-8748").first()).toBeVisible();
});

test("the blank paper form is a printable PDF with every section and statement", async ({ request }) => {
  const response = await request.get("/forms/authorization.pdf");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const { pdfText } = await import("../support/pdf-text");
  const text = await pdfText(await response.body());
  expect(text).toContain("Authorization for Release of Health Information");
  for (const phrase of ["Delivery method", "Call for pickup by the patient or legal representative", "Right to revoke", "No conditions", "Redisclosure", "Cash is never accepted", "Initials"]) {
    expect(text).toContain(phrase);
  }
});
