/**
 * Issue 15: a Spanish speaker (browser language es-US) on a phone (390 px) is answered in Spanish
 * from the first page, asks for their own records in Spanish, meets field errors in Spanish, and
 * gets a Spanish confirmation; switching language in the middle of the form keeps every answer;
 * the explicit choice is remembered; a language header sent by the client is not trusted. Every
 * page is checked with axe, and its visible text for English sentences; screenshots are kept.
 */
import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { organization } from "../../src/domain/organization";
import { expectNoAxeViolations, photoIdFile } from "./support/wizard";

const run = Date.now().toString(36);

async function keep(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: "image/png" });
}

/**
 * English words that are not Spanish words: any of them in the visible text means an English
 * sentence (or part of one) was left on a Spanish page. Names (Record Connect, DuPage Medical
 * Group, MyChart, HIPAA) contain none of them; the office's postal address ("Record Connect —
 * Release of Information, …") is printed as the door and the envelope say it, and is left out.
 */
const ENGLISH = ["the", "and", "your", "you", "with", "for", "this", "that", "are", "is", "of", "to", "we", "our", "please", "will", "be", "can", "not", "or", "if", "what", "how", "who", "step"];

async function expectNoEnglish(page: Page) {
  const text = (await page.locator("body").innerText()).replaceAll(organization.pickupPlace, "").replaceAll(organization.mailingAddress[0], "");
  const words = text.toLowerCase().split(/[^a-záéíóúüñ]+/u);
  const found = [...new Set(words.filter((w) => ENGLISH.includes(w)))];
  const context = found.map((w) => text.match(new RegExp(`[^\\n]{0,60}\\b${w}\\b[^\\n]{0,60}`, "i"))?.[0]).join("\n");
  expect(found, `English on ${page.url()}:\n${context}`).toEqual([]);
}

async function expectSpanishStep(page: Page, heading: string) {
  await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectNoAxeViolations(page);
  await expectNoEnglish(page);
}

const continuar = (page: Page) => page.getByRole("button", { name: "Continuar" }).click();

test.describe("Spanish for requesters", () => {
  test.describe.configure({ timeout: 300_000 });

  test("a Spanish speaker on a phone gets Spanish from the first page and asks for their own records in Spanish", async ({ browser }, info) => {
    const context = await browser.newContext({ locale: "es-US", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // The first address they type: the browser's language sends them to the Spanish address.
    await page.goto("/");
    await expect(page).toHaveURL(/\/es$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: "Pida una copia de sus expedientes médicos" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoEnglish(page);
    await keep(page, info, "1-inicio");

    await page.getByRole("link", { name: "Obtener mis propios expedientes" }).first().click();
    await expect(page).toHaveURL(/\/es\/request\/own$/);
    await expect(page.getByRole("heading", { level: 1, name: "Obtener mis propios expedientes" })).toBeVisible();
    await expectSpanishStep(page, "Quién hace la solicitud");
    await keep(page, info, "2-quien");

    // Nothing answered: the problems are said in Spanish, in the summary and at the fields.
    await continuar(page);
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("heading", { name: "Hay un problema" })).toBeVisible();
    await expect(summary).toContainText("Indique si usted es el paciente o un representante legal");
    await expect(summary).toContainText("Elija una foto o un escaneo de una identificación oficial con foto");
    await expectNoAxeViolations(page);
    await expectNoEnglish(page);
    await keep(page, info, "3-errores");

    await page.getByLabel("Soy el paciente").check();
    await page.getByLabel("Identificación oficial con foto").setInputFiles(photoIdFile());
    await continuar(page);

    await expectSpanishStep(page, "Paciente");
    await continuar(page);
    await expect(page.locator(".error-summary")).toContainText("Escriba el nombre del paciente");
    await expect(page.locator(".field-error").first()).toContainText("Error:");
    await expectNoEnglish(page);
    await page.getByLabel("Nombre", { exact: true }).fill("Lucía");
    await page.getByLabel("Apellido").fill(`Ramírez${run.replace(/\d/g, "")}`);
    await page.getByLabel("Fecha de nacimiento").fill("1979-08-02");
    await page.getByLabel("Número de teléfono").fill("630-555-0144");
    const home = page.getByRole("group", { name: "Su dirección particular" });
    await home.getByLabel("Dirección, línea 1").fill("12 Calle Roble");
    await home.getByLabel("Ciudad").fill("Aurora");
    await home.getByLabel("Estado").selectOption("IL");
    await home.getByLabel("Código postal").fill("60505");
    await keep(page, info, "4-paciente");
    await continuar(page);

    await expectSpanishStep(page, "Sus expedientes");
    await expect(page.getByLabel("Mi expediente médico completo")).toBeChecked();
    await keep(page, info, "5-expedientes");
    await continuar(page);

    await expectSpanishStep(page, "Cómo los recibe, cargo y fecha");
    await page.getByLabel("PDF para descargar").check();
    await page.getByLabel("Correo electrónico para el enlace seguro").fill(`lucia-${run}@example.com`);
    await page.getByLabel("Confirme el correo electrónico").fill(`lucia-${run}@example.com`);
    await expect(page.getByTestId("fee-estimate")).toContainText("Cargo: $6.50, todo incluido");
    await expect(page.getByTestId("expected-by")).toContainText(/Espere sus expedientes a más tardar el \d{1,2} de \p{L}+ de \d{4}/u);
    await expectNoAxeViolations(page);
    await expectNoEnglish(page);
    await keep(page, info, "6-formato");
    await continuar(page);

    await expectSpanishStep(page, "Firmar");
    await page.getByLabel("Su nombre legal completo").fill(`Lucía Ramírez${run.replace(/\d/g, "")}`);
    await page.getByLabel("Usar mi nombre escrito como firma").check();
    await keep(page, info, "7-firma");
    await continuar(page);

    await expectSpanishStep(page, "Revisar y enviar");
    await keep(page, info, "8-revisar");
    await page.getByRole("button", { name: "Firmar y enviar mi solicitud" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Recibimos su solicitud" })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/es\/request\/confirmation$/);
    await expect(page.locator(".confirmation-number")).toHaveText(/^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectNoAxeViolations(page);
    await expectNoEnglish(page);
    await keep(page, info, "9-confirmacion");
    await context.close();
  });

  test("a Spanish speaker on a phone sends their records to another provider, in Spanish on every step including review", async ({ browser }, info) => {
    const context = await browser.newContext({ locale: "es-US", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const apellido = `Herrera${run.replace(/\d/g, "")}`;
    await page.goto("/");
    await expect(page).toHaveURL(/\/es$/);
    await page.getByRole("link", { name: "Enviar expedientes a otra persona" }).first().click();
    await expect(page).toHaveURL(/\/es\/request$/);

    await expectSpanishStep(page, "De quién son los expedientes");
    await keep(page, info, "a1-de-quien");
    await page.getByLabel("Expedientes que tiene DuPage Medical Group (todos sus centros)").check();
    await continuar(page);

    await expectSpanishStep(page, "Quién hace la solicitud");
    await page.getByLabel("Soy el paciente").check();
    await page.getByLabel("Identificación oficial con foto").setInputFiles(photoIdFile());
    await continuar(page);

    await expectSpanishStep(page, "Paciente");
    await page.getByLabel("Nombre", { exact: true }).fill("Rosa");
    await page.getByLabel("Apellido").fill(apellido);
    await page.getByLabel("Fecha de nacimiento").fill("1968-11-23");
    await page.getByLabel("Número de teléfono").fill("630-555-0177");
    const home = page.getByRole("group", { name: /dirección particular/ });
    await home.getByLabel("Dirección, línea 1").fill("48 Calle Olmo");
    await home.getByLabel("Ciudad").fill("Naperville");
    await home.getByLabel("Estado").selectOption("IL");
    await home.getByLabel("Código postal").fill("60540");
    await continuar(page);

    await expectSpanishStep(page, "Quién recibe los expedientes");
    await page.getByLabel("Otro proveedor médico (médico, hospital o clínica)").check();
    await page.getByLabel("Nombre del médico, hospital o clínica").fill("Clínica Familiar Fox Valley");
    const provider = page.getByRole("group", { name: "Dirección del proveedor" });
    await provider.getByLabel("Dirección, línea 1").fill("900 Avenida Ogden");
    await provider.getByLabel("Ciudad").fill("Aurora");
    await provider.getByLabel("Estado").selectOption("IL");
    await provider.getByLabel("Código postal").fill("60505");
    await page.getByLabel("Número de teléfono del proveedor").fill("630-555-0190");
    await expectNoAxeViolations(page);
    await expectNoEnglish(page);
    await keep(page, info, "a2-proveedor");
    await continuar(page);

    await expectSpanishStep(page, "Información que se divulgará");
    await page.getByLabel("El expediente médico completo").check();
    await keep(page, info, "a3-informacion");
    await continuar(page);

    await expectSpanishStep(page, "Propósito y vencimiento");
    await page.getByLabel("Continuación de la atención médica").check();
    await page.getByLabel("En una fecha").check();
    // The suggested end date is said as a Spanish date; the person types it as the hint says.
    await expect(page.getByText(/Le sugerimos un año a partir de hoy: \d{1,2} de \p{L}+ de \d{4}/u)).toBeVisible();
    const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Fecha de fin").fill(nextYear);
    await expectNoAxeViolations(page);
    await expectNoEnglish(page);
    await keep(page, info, "a4-proposito");
    await continuar(page);

    await expectSpanishStep(page, "Cómo recibir los expedientes");
    await page.getByLabel("Correo electrónico seguro").check();
    await page.getByLabel("Correo electrónico para el enlace seguro").fill(`clinica-${run}@example.com`);
    await page.getByLabel("Confirme el correo electrónico").fill(`clinica-${run}@example.com`);
    await expectNoEnglish(page);
    await keep(page, info, "a5-entrega");
    await continuar(page);

    await expectSpanishStep(page, "Cargos");
    await expect(page.getByText("Sin cargo", { exact: true })).toBeVisible();
    await page.getByLabel("Leí cómo funcionan los cargos").check();
    await keep(page, info, "a6-cargos");
    await continuar(page);

    await expectSpanishStep(page, "Declaraciones y firma");
    await page.getByLabel("Leí mi derecho a revocar esta autorización").check();
    await page.getByLabel("Leí que mi tratamiento no depende de que firme").check();
    await page.getByLabel("Leí que la información divulgada podría volver a compartirse").check();
    await page.getByLabel("Su nombre legal completo").fill(`Rosa ${apellido}`);
    await page.getByLabel("Usar mi nombre escrito como firma").check();
    await expectNoEnglish(page);
    await keep(page, info, "a7-firma");
    await continuar(page);

    // The review says every answer in Spanish.
    await expectSpanishStep(page, "Revisar y enviar");
    const review = page.locator("main");
    await expect(review).toContainText("Clínica Familiar Fox Valley");
    await expect(review).toContainText("Gratis: los expedientes van a un proveedor médico");
    await expect(review).toContainText("Continuación de la atención médica");
    await expect(review).toContainText(/El \d{1,2} de \p{L}+ de \d{4}/u);
    await expect(review).toContainText("El expediente médico completo");
    await keep(page, info, "a8-revisar");
    await page.getByRole("button", { name: "Firmar y enviar la solicitud" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Recibimos su solicitud" })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/es\/request\/confirmation$/);
    await expectNoAxeViolations(page);
    await expectNoEnglish(page);
    await keep(page, info, "a9-confirmacion");
    await context.close();
  });

  test("switching language in the middle of the form keeps every answer", async ({ browser }, info) => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/request/own");
    await expect(page.getByRole("heading", { level: 2, name: "Who is asking" })).toBeVisible();
    await page.getByLabel("I am the patient").check();
    await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Patient" })).toBeVisible();
    await page.getByLabel("First name").fill("Marta");
    await page.getByLabel("Last name").fill("Solís");
    await page.getByLabel("Date of birth").fill("1990-01-15");

    // The switch is an ordinary link in the header, reached and followed from the keyboard.
    const espanol = page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Español" });
    await expect(espanol).toHaveAttribute("lang", "es");
    await espanol.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/es\/request\/own$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 2, name: "Paciente" })).toBeVisible();
    await expect(page.getByLabel("Nombre", { exact: true })).toHaveValue("Marta");
    await expect(page.getByLabel("Apellido")).toHaveValue("Solís");
    await expect(page.getByLabel("Fecha de nacimiento")).toHaveValue("1990-01-15");
    // The file cannot survive a page load (the browser does not keep it): the notice says so, in Spanish.
    await expect(page.getByText("Sus respuestas están de vuelta")).toBeVisible();
    await expectNoAxeViolations(page);
    await keep(page, info, "cambio-a-espanol");

    // And back: still every answer; the step before is as it was.
    await page.getByRole("navigation", { name: "Idioma" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/request\/own$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByLabel("First name")).toHaveValue("Marta");
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByLabel("I am the patient")).toBeChecked();
    await context.close();
  });

  test("the explicit choice is remembered over the browser's language, and a client-sent language header is not trusted", async ({ browser, request }) => {
    const context = await browser.newContext({ locale: "es-US" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/es$/);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // Remembered: the Spanish browser now gets English without the prefix, on every page.
    await page.goto("/request");
    await expect(page).toHaveURL(/\/request$/);
    await expect(page.getByRole("heading", { level: 1, name: "Send records to someone else" })).toBeVisible();
    // The address still wins: /es is Spanish whatever was chosen before.
    await page.goto("/es/request");
    await expect(page.getByRole("heading", { level: 1, name: "Enviar expedientes a otra persona" })).toBeVisible();
    await context.close();

    // Only the proxy sets the language header: a client's copy (and a forged rewrite mark) is discarded.
    const spoofed = await request.get("/", { headers: { Accept: "text/html", "Accept-Language": "en-US", "x-record-connect-locale": "es", "x-record-connect-rewrite": "forged" } });
    expect(spoofed.status()).toBe(200);
    expect(await spoofed.text()).toContain('<html lang="en"');
    // Staff screens are never localized, not even under /es.
    const staff = await request.get("/staff/sign-in", { headers: { Accept: "text/html", "Accept-Language": "es-US" } });
    expect(staff.url()).not.toContain("/es/");
    expect(await staff.text()).toContain('<html lang="en"');
  });
});
