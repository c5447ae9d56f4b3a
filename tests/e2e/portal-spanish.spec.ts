import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test, type TestInfo } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { mailsTo, waitForMail } from "./support/mailbox";
import { signIn } from "./support/staff";
import { expectNoAxeViolations, photoIdFile } from "./support/wizard";

/*
 * Issue 15: a Spanish speaker follows and receives their records without meeting an English
 * sentence — every e-mail, the portal (sign-in with the e-mailed code typed as a person types it,
 * the status, the invoice, the download). The browser asks for Spanish (Accept-Language es-US), so
 * the site answers at /es/…; the request keeps Spanish, and everything sent later follows it.
 * Each portal page is checked with axe and kept as a screenshot (the test's attachments).
 *
 * The request is the patient's own (the access door), filled in in Spanish as in spanish.spec.ts;
 * this spec is about what comes after it.
 */

const continuar = (page: Page) => page.getByRole("button", { name: "Continuar" }).click();

const run = Date.now().toString(36);
const S = { firstName: "Lucía", lastName: "Muñoz Pruebatest", dateOfBirth: "1982-07-19", email: `lucia-${run}@example.com` };

/** English words none of our Spanish sentences use; names, addresses and numbers taken out first. */
const ENGLISH = /\b(?:the|your|you|we|please|request|records|invoice|sign in|download|received|status|timeline|payment|answer)\b/i;

async function expectNoEnglish(page: Page) {
  const text = (await page.getByRole("main").innerText())
    .replace(/RC-[0-9A-Z]{4}-[0-9A-Z]{4}|INV-\d{4}-[0-9A-Z]{6}/g, "")
    .replace(/Record Connect|DuPage Medical Group|Release of Information|West 31st Street|Suite 300|Downers Grove|MyChart/g, "")
    .replace(S.firstName, "")
    .replace(S.lastName, "");
  expect(text).not.toMatch(ENGLISH);
}

async function shot(page: Page, info: TestInfo, name: string) {
  await info.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

async function spanishPage(browser: Browser) {
  return (await browser.newContext({ acceptDownloads: true, locale: "es-US" })).newPage();
}

async function downloadText(page: Page, name: string | RegExp): Promise<{ bytes: Buffer; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const bytes = await readFile((await download.path())!);
  return { bytes, text: await pdfText(bytes) };
}

test.describe.serial("the portal in Spanish", () => {
  let requester: Page;
  let staff: Page;
  let number = "";

  test.beforeAll(async ({ browser }) => {
    requester = await spanishPage(browser);
    staff = await (await browser.newContext()).newPage();
    await signIn(staff, "associate2@recordconnect.example");
  });
  test.afterAll(async () => {
    await requester.context().close();
    await staff.context().close();
  });

  test("the request is kept in Spanish: the e-mail is Spanish and links to the Spanish portal", async () => {
    test.setTimeout(240_000);
    const page = requester;
    // The patient asks for their own records, in Spanish, from the Spanish home page.
    await page.goto("/");
    await expect(page).toHaveURL(/\/es$/);
    await page.getByRole("link", { name: "Obtener mis propios expedientes" }).first().click();
    await expect(page.getByRole("heading", { level: 2, name: "Quién hace la solicitud" })).toBeVisible();
    await page.getByLabel("Soy el paciente").check();
    await page.getByLabel("Identificación oficial con foto").setInputFiles(photoIdFile());
    await continuar(page);
    await expect(page.getByRole("heading", { level: 2, name: "Paciente" })).toBeVisible();
    await page.getByLabel("Nombre", { exact: true }).fill(S.firstName);
    await page.getByLabel("Apellido").fill(S.lastName);
    await page.getByLabel("Fecha de nacimiento").fill(S.dateOfBirth);
    await page.getByLabel("Número de teléfono").fill("630-555-0145");
    const home = page.getByRole("group", { name: "Su dirección particular" });
    await home.getByLabel("Dirección, línea 1").fill("14 Calle Roble");
    await home.getByLabel("Ciudad").fill("Aurora");
    await home.getByLabel("Estado").selectOption("IL");
    await home.getByLabel("Código postal").fill("60505");
    await continuar(page);
    await expect(page.getByRole("heading", { level: 2, name: "Sus expedientes" })).toBeVisible();
    await continuar(page);
    await expect(page.getByRole("heading", { level: 2, name: "Cómo los recibe, cargo y fecha" })).toBeVisible();
    await page.getByLabel("PDF para descargar").check();
    await page.getByLabel("Correo electrónico para el enlace seguro").fill(S.email);
    await page.getByLabel("Confirme el correo electrónico").fill(S.email);
    await continuar(page);
    await expect(page.getByRole("heading", { level: 2, name: "Firmar" })).toBeVisible();
    await page.getByLabel("Su nombre legal completo").fill(`${S.firstName} ${S.lastName}`);
    await page.getByLabel("Usar mi nombre escrito como firma").check();
    await continuar(page);
    await page.getByRole("button", { name: "Firmar y enviar mi solicitud" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Recibimos su solicitud" })).toBeVisible({ timeout: 30_000 });
    number = await page.locator(".confirmation-number").innerText();
    expect(number).toMatch(/^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const received = await waitForMail(S.email, new RegExp(number));
    expect(received.text).toMatch(/Subject: Recibimos su solicitud de expedientes/);
    expect(received.text).toContain("Recibimos su solicitud de expedientes.");
    expect(received.text).toContain("/es/portal");
    expect(received.text).toContain('lang="es"');
    for (const phi of ["Pruebatest", "1982", "Roble"]) expect(received.text).not.toContain(phi);
  });

  test("the requester signs in with the code typed from the Spanish e-mail and sees the status in Spanish", async ({}, info) => {
    await requester.goto("/portal");
    await expect(requester).toHaveURL(/\/es\/portal$/);
    await expect(requester.getByRole("heading", { level: 1, name: "Consulte su solicitud de expedientes" })).toBeVisible();
    await expect(requester.locator("html")).toHaveAttribute("lang", /^es/);
    await expectNoAxeViolations(requester);
    await expectNoEnglish(requester);
    await shot(requester, info, "01-portal-entrar");

    const before = (await mailsTo(S.email, /Su c=C3=B3digo para entrar es|Su código para entrar es/)).length;
    await requester.getByLabel("Número de confirmación").fill(number);
    await requester.getByLabel("Fecha de nacimiento del paciente").fill(S.dateOfBirth);
    await requester.getByRole("button", { name: "Enviarme un código para entrar" }).click();
    await expect(requester.getByText("Si los datos coinciden con una solicitud, enviamos un código de 6 dígitos")).toBeVisible();
    await expectNoAxeViolations(requester);
    await shot(requester, info, "02-portal-codigo");
    const mail = await waitForMail(S.email, /Su c(?:=C3=B3|ó)digo para entrar es \d{6}/, before);
    const code = /para entrar es (\d{6})/.exec(mail.text)![1]!;
    const field = requester.getByLabel("Código de 6 dígitos del correo electrónico");
    await field.click();
    await field.pressSequentially(code);
    await requester.getByRole("button", { name: "Entrar", exact: true }).click();

    await expect(requester.getByRole("heading", { level: 1, name: new RegExp(`Solicitud de expedientes ${number}`) })).toBeVisible();
    await expect(requester).toHaveURL(/\/es\/portal\/request$/);
    await expect(requester.getByRole("heading", { level: 1 })).toContainText("Enviada");
    await expect(requester.getByRole("region", { name: "Historial" })).toBeVisible();
    await expect(requester.getByText("Responderemos a más tardar el")).toBeVisible();
    await expect(requester.getByRole("link", { name: "La solicitud que usted firmó (PDF)" }).or(requester.getByRole("status").filter({ hasText: "Estamos preparando" }))).toBeVisible();
    await expectNoAxeViolations(requester);
    await expectNoEnglish(requester);
    await shot(requester, info, "03-portal-solicitud");
  });

  test("staff see the requester's language; the invoice and the records reach the requester in Spanish", async ({}, info) => {
    test.setTimeout(180_000);
    await staff.bringToFront();
    await staff.goto("/staff");
    await staff.getByLabel("Search", { exact: true }).fill(number);
    await staff.getByRole("button", { name: "Apply" }).click();
    await staff.getByRole("row", { name: new RegExp(number) }).getByRole("link").click();
    await expect(staff.getByRole("heading", { level: 1, name: new RegExp(number) })).toBeVisible();
    // Staff screens stay English, and say the requester reads Spanish.
    await expect(staff.getByRole("definition").filter({ hasText: /^Spanish/ })).toBeVisible();
    await staff.getByRole("button", { name: "Claim this request" }).click();
    await expect(staff.getByRole("button", { name: "Claim this request" })).toHaveCount(0);
    await staff.getByRole("button", { name: "Start review" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("In review");
    for (const label of [/request for access is complete/, /Identity checked/, /No representative/, /of the patient's own care \(no initials/]) await staff.getByLabel(label).check();
    await staff.getByRole("button", { name: "Verify the request" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Verified");
    const { samplePdf } = await import("../support/files");
    await staff.getByLabel("Records to release (one PDF)").setInputFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: await samplePdf(`Resultados de laboratorio ${number}`, 3) });
    await staff.getByRole("button", { name: "Attach the records" }).click();
    await expect(staff.getByText("Records attached: 3 pages")).toBeVisible();
    await staff.getByRole("button", { name: "Compute the fees" }).click();
    await staff.getByRole("button", { name: "Issue the invoice for $6.50" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Awaiting payment");

    const invoiceMail = await waitForMail(S.email, /Hay una factura lista para su solicitud/);
    expect(invoiceMail.text).toContain("/es/portal");
    await requester.bringToFront();
    await requester.reload();
    const invoices = requester.getByRole("region", { name: "Facturas" });
    await expect(invoices).toContainText("saldo pendiente de $6.50");
    await expect(invoices).toContainText("Nunca se acepta efectivo.");
    await expect(invoices).toContainText("por pagar");
    await expectNoAxeViolations(requester);
    await expectNoEnglish(requester);
    await shot(requester, info, "04-portal-factura");

    await staff.bringToFront();
    await staff.getByLabel("Paid by").selectOption("CARD_BY_PHONE");
    await staff.getByLabel("Card's last four digits").fill("4242");
    await staff.getByLabel("Authorization code").fill("A1B2C3");
    await staff.getByRole("button", { name: "Record the payment" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Ready to release");
    await staff.getByRole("button", { name: "Release by secure e-mail" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Released");

    const ready = await waitForMail(S.email, /es\/portal\/download\?t=/);
    expect(ready.text).toContain("Sus expedientes est");
    expect(ready.text).not.toContain(S.lastName);
    const link = new URL(/(https?:\/\/[^\s"<>]+\/es\/portal\/download\?t=[A-Za-z0-9_-]{43})/.exec(ready.text)![1]!);
    await requester.bringToFront();
    await requester.goto(link.pathname + link.search);
    await expect(requester).toHaveURL(/\/es\/portal\/your-records$/);
    await expect(requester.getByRole("heading", { level: 1, name: `Sus expedientes de la solicitud ${number}` })).toBeVisible();
    await expect(requester.getByText(/Este enlace permite 5 descargas más hasta el \d+ de \p{L}+ de \d{4}\./u)).toBeVisible();
    await expectNoAxeViolations(requester);
    await expectNoEnglish(requester);
    await shot(requester, info, "05-portal-descarga");
    const records = await downloadText(requester, "Descargar sus expedientes (PDF)");
    expect(records.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(records.text).toContain(`Resultados de laboratorio ${number}`);
  });
});
