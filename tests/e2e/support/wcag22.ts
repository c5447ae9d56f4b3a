import { expect, type Page } from "@playwright/test";

/*
 * Checks for the WCAG 2.2 success criteria axe-core does not test (issue 15 §4). Each runs in the
 * page on what the browser actually laid out, and returns what failed, so a failure names the
 * element; wcag22.spec.ts also shows each check catching a planted violation.
 */

/** What counts as a pointer target: every element a person can click, tap or focus. */
const TARGETS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';

export type TargetProblem = { target: string; width: number; height: number };

/**
 * 2.5.8 Target Size (Minimum): each target is at least 24 × 24 CSS px, or meets an exception as
 * the Understanding document defines it —
 * - spacing: a 24 px circle centred on the target's box intersects no other target and no other
 *   undersized target's circle;
 * - inline: a link inside a sentence (its parent block has text of its own outside the link), whose
 *   height the line of text sets;
 * - user agent control: a native control whose size the author did not change (none here: the
 *   stylesheet sizes check boxes and radios to 24 px).
 * Elements that are not drawn (display none, visibility hidden, clipped to 1 px until focused) are
 * not targets a pointer can hit, and are skipped.
 */
export async function undersizedTargets(page: Page): Promise<TargetProblem[]> {
  return page.evaluate((selector) => {
    type Box = { el: Element; r: DOMRect; small: boolean };
    const describe = (el: Element) => {
      const name = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? el.getAttribute("name") ?? "").trim().slice(0, 60);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${name ? ` "${name}"` : ""}`;
    };
    const drawn = (el: Element, r: DOMRect) => {
      if (r.width <= 1 || r.height <= 1) return false;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") return false;
      // Clipped to nothing (the visually-hidden pattern) on itself or an ancestor.
      for (let a: Element | null = el; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.clip === "rect(0px, 0px, 0px, 0px)" || s.clipPath === "inset(50%)") return false;
      }
      return true;
    };
    const inSentence = (el: Element) => {
      if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
      const parent = el.parentElement;
      if (!parent) return false;
      let own = "";
      for (const node of Array.from(parent.childNodes)) if (node !== el) own += node.textContent ?? "";
      return own.trim().length > 0;
    };
    const boxes: Box[] = [];
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const r = el.getBoundingClientRect();
      if (!drawn(el, r)) continue;
      boxes.push({ el, r, small: r.width < 24 - 0.01 || r.height < 24 - 0.01 });
    }
    const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const distanceToRect = (p: { x: number; y: number }, r: DOMRect) => {
      const dx = Math.max(r.left - p.x, 0, p.x - r.right);
      const dy = Math.max(r.top - p.y, 0, p.y - r.bottom);
      return Math.hypot(dx, dy);
    };
    const problems: { target: string; width: number; height: number }[] = [];
    for (const b of boxes) {
      if (!b.small || inSentence(b.el)) continue;
      const c = centre(b.r);
      const crowded = boxes.some((o) => {
        if (o === b || o.el.contains(b.el) || b.el.contains(o.el)) return false;
        if (o.small) return Math.hypot(centre(o.r).x - c.x, centre(o.r).y - c.y) < 24;
        return distanceToRect(c, o.r) < 12;
      });
      if (crowded) problems.push({ target: describe(b.el), width: Math.round(b.r.width * 10) / 10, height: Math.round(b.r.height * 10) / 10 });
    }
    return problems;
  }, TARGETS);
}

export type FocusStop = { target: string; obscuredBy?: string; outOfView?: boolean };

/**
 * 2.4.11 Focus Not Obscured (Minimum): presses Tab through the page from its top, as a keyboard
 * user does, and after each press asks the browser what is drawn at the focused element's centre
 * and at its four corners (1 px inside, within the viewport). The element is hidden when every one
 * of those points belongs to something else (a sticky header or footer, a banner, a dialog). Stops
 * when focus leaves the document or returns to where it started. Returns every stop.
 */
export async function tabThrough(page: Page, limit = 200): Promise<FocusStop[]> {
  // Whether focus scrolls smoothly or at once changes nothing about where it ends; at once, the
  // check does not race an animation on a busy machine. (The person's preference is restored.)
  await page.emulateMedia({ reducedMotion: "reduce" });
  try {
    return await tabStops(page, limit);
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

async function tabStops(page: Page, limit: number): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  let first: string | undefined;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(async () => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const name = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? el.getAttribute("name") ?? "").trim().slice(0, 60);
      const target = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${name ? ` "${name}"` : ""}`;
      const measure = () => {
        const r = el.getBoundingClientRect();
        const vw = document.documentElement.clientWidth;
        const vh = document.documentElement.clientHeight;
        const left = Math.max(r.left + 1, 0);
        const right = Math.min(r.right - 1, vw - 1);
        const top = Math.max(r.top + 1, 0);
        const bottom = Math.min(r.bottom - 1, vh - 1);
        if (left > right || top > bottom) return { target, outOfView: true };
        const points: [number, number][] = [
          [(left + right) / 2, (top + bottom) / 2],
          [left, top],
          [right, top],
          [left, bottom],
          [right, bottom],
        ];
        // A link that wraps onto two lines: the middle of each line's box too.
        for (const box of Array.from(el.getClientRects())) {
          const x = box.left + box.width / 2;
          const y = box.top + box.height / 2;
          if (x >= 0 && x < vw && y >= 0 && y < vh) points.push([x, y]);
        }
        let coveredBy: Element | null = null;
        for (const [x, y] of points) {
          const hit = document.elementFromPoint(x, y);
          if (!hit) continue;
          // What is drawn there is the element, inside it, or its own label (a check box's label).
          if (el.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === el)) return { target };
          coveredBy = hit;
        }
        const by = coveredBy ? `${coveredBy.tagName.toLowerCase()}${coveredBy.className ? `.${String(coveredBy.className).split(" ").join(".")}` : ""}` : "nothing drawn";
        return { target, obscuredBy: by };
      };
      // Focus scrolls at once (reduced motion): judge what is drawn after the next two frames.
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      await frame();
      const result = measure();
      return { ...result, key: `${target} ${el.getBoundingClientRect().top + window.scrollY}` };
    });
    if (!stop) {
      if (stops.length > 0) break;
      continue;
    }
    if (stop.key === first) break;
    first ??= stop.key;
    stops.push({ target: stop.target, obscuredBy: stop.obscuredBy, outOfView: stop.outOfView });
  }
  return stops;
}

/** The stops a keyboard user cannot see. */
export function hiddenStops(stops: FocusStop[]): FocusStop[] {
  return stops.filter((s) => s.obscuredBy || s.outOfView).map((s) => JSON.parse(JSON.stringify(s)) as FocusStop);
}

export type HelpMechanism = { where: "banner" | "main" | "contentinfo" | "other"; href: string };

/**
 * 3.2.6 Consistent Help: the help the site repeats on its pages — the phone line (a tel: link) and
 * the accessibility page's link — listed in document order with the landmark each sits in. Pages
 * must list the same repeated mechanisms in the same order (a language prefix removed, so /es/…
 * pages compare with English ones); what a page adds inside its own main content is its own help.
 */
export async function repeatedHelp(page: Page): Promise<HelpMechanism[]> {
  return page.evaluate(() => {
    const found: { where: "banner" | "main" | "contentinfo" | "other"; href: string }[] = [];
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"], a[href$="/accessibility"]'))) {
      const where = a.closest("header.site-header") ? "banner" : a.closest("footer.site-footer") ? "contentinfo" : a.closest("main") ? "main" : "other";
      if (where === "main") continue;
      found.push({ where, href: a.getAttribute("href")!.replace(/^\/es(?=\/)/, "") });
    }
    // Header, then main, then footer, in the order a screen reader and the Tab key meet them.
    const header = document.querySelector("header.site-header");
    const main = document.querySelector("main");
    const footer = document.querySelector("footer.site-footer");
    const inOrder = !!header && !!main && !!footer && !!(header.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(main.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (!inOrder) found.push({ where: "other", href: "landmarks out of order" });
    return found;
  });
}

/** Target size and focus visibility on the page as it is now; returns the help list for comparison. */
export async function expectWcag22(page: Page, label: string): Promise<HelpMechanism[]> {
  expect(await undersizedTargets(page), `${label}: targets smaller than 24 × 24 px without spacing`).toEqual([]);
  const stops = await tabThrough(page);
  expect(stops.length, `${label}: the Tab key reaches something`).toBeGreaterThan(0);
  expect(hiddenStops(stops), `${label}: focused elements hidden from view`).toEqual([]);
  return repeatedHelp(page);
}
