import { expect, type Locator, type Page } from "@playwright/test";

/** Presses Tab (at most `limit` times) until `target` has focus — the way a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} with the Tab key`);
}

/** Types into a field reached by Tab. */
export async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

/** Checks a checkbox with Space. */
export async function tick(page: Page, target: Locator) {
  await tabTo(page, target);
  await page.keyboard.press("Space");
  await expect(target).toBeChecked();
}

/** Selects a radio: Tab into its group, then arrow keys (selection follows focus), as a keyboard user does. */
export async function chooseRadio(page: Page, target: Locator) {
  const name = await target.getAttribute("name");
  for (let i = 0; i < 80; i++) {
    const inGroup = await page.evaluate((n) => {
      const el = document.activeElement as HTMLInputElement | null;
      return !!el && el.type === "radio" && el.name === n;
    }, name);
    if (inGroup) break;
    await page.keyboard.press("Tab");
  }
  for (let i = 0; i < 12; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("ArrowDown");
  }
  // Reaching it by arrow selects it; Space covers a group where nothing was selected yet.
  if (!(await target.isChecked())) await page.keyboard.press("Space");
  await expect(target).toBeChecked();
}

/** Presses a button reached by Tab. */
export async function press(page: Page, button: Locator) {
  await tabTo(page, button);
  await page.keyboard.press("Enter");
}

/** Opens a file input from the keyboard and answers the file chooser. */
export async function chooseFile(page: Page, input: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  await tabTo(page, input);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles(file);
}
