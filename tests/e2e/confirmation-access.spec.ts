import { expect, test } from "@playwright/test";

test.describe("the confirmation and the signed PDF are the submitter's only", () => {
  test("without the receipt cookie the page says so and shows nothing of any request", async ({ page }) => {
    const response = await page.goto("/request/confirmation");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Your confirmation" })).toBeVisible();
    await expect(page.getByText(/RC-[0-9A-Z]{4}-[0-9A-Z]{4}/)).toHaveCount(0);
    expect(response?.headers()["cache-control"]).toContain("no-store");
  });

  test("the PDF route refuses without a receipt, and a forged receipt or middleware header changes nothing", async ({ request, context }) => {
    expect((await request.get("/request/confirmation/authorization.pdf")).status()).toBe(404);
    await context.addCookies([
      { name: "rc-receipt", value: "00000000-0000-4000-8000-000000000000.99999999999999.forged", url: String(test.info().project.use.baseURL) },
    ]);
    const forged = await context.request.get("/request/confirmation/authorization.pdf", {
      headers: { "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" },
    });
    expect(forged.status()).toBe(404);
  });
});
