// The callout dialog at the screen sizes it is used on: a desktop (1440 px), a ward tablet (768 px)
// and a phone (390 px). Every critical value's flag and ranges must be fully visible when scrolled to
// (inside the viewport, not cut by any scrolling or clipping ancestor, not covered), no word may be
// broken across lines, and nothing may scroll sideways. Form and history sit side by side only
// where both fit.
// Seed facts (db/seed.ts): bill 581 (lab 2) has 9 critical reports, 3 done, 3 attempted with a draft,
// 3 pending, and a history; `support2` sees all of them.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { loginViaForm, warmUpServer } from "../support";

const SCREENSHOTS = "e2e/screenshots";
const SIZES = [
  { name: "desktop", width: 1440, height: 900, sideBySide: true },
  { name: "tablet", width: 768, height: 1024, sideBySide: false },
  { name: "phone", width: 390, height: 844, sideBySide: false },
];

test.beforeAll(({ playwright }) => warmUpServer(playwright, baseURL, "support2"));

/**
 * Scrolls the element to the middle of its scroller and says what, if anything, keeps it from being
 * seen whole: "" when it is inside the viewport and every clipping ancestor, its content fits its box,
 * and the topmost element at its centre is itself or inside it.
 */
function whyNotFullyShown(el: Element): string {
  el.scrollIntoView({ block: "center", inline: "nearest" });
  const r = el.getBoundingClientRect();
  const box = (b: DOMRect) => `[${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}]`;
  if (r.width < 1 || r.height < 1) return `no box ${box(r)}`;
  if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) return `outside the viewport ${box(r)}`;
  for (let a = el.parentElement; a; a = a.parentElement) {
    const cs = getComputedStyle(a);
    if (cs.overflowX === "visible" && cs.overflowY === "visible") continue;
    const b = a.getBoundingClientRect();
    if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
      return `cut by <${a.tagName.toLowerCase()} class="${a.className}"> ${box(b)}, element ${box(r)}`;
    }
  }
  if (el.scrollWidth > el.clientWidth + 1) return `content ${el.scrollWidth}px wider than its ${el.clientWidth}px box`;
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (top && !el.contains(top)) return `covered by <${top.tagName.toLowerCase()} class="${top.className}">`;
  return "";
}

/** Words of visible text laid out on more than one line (broken mid-word), as "word (line tops)". */
function wordsBrokenAcrossLines(root: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? "";
    for (const m of text.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const tops = [...new Set([...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)))];
      if (tops.length > 1 && tops.some((t) => Math.abs(t - tops[0]) > 2)) broken.push(`${m[0]} (${tops.join(", ")})`);
    }
  }
  return broken;
}

/** The dialog and every scroller inside it whose content is wider than its box. */
function sidewaysScrollers(dialog: Element): string[] {
  const all = [dialog, ...dialog.querySelectorAll("*")];
  const out = all
    .filter((el) => {
      const ox = getComputedStyle(el).overflowX;
      return (el === dialog || ox === "auto" || ox === "scroll") && el.scrollWidth > el.clientWidth + 1;
    })
    .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.scrollWidth} > ${el.clientWidth}`);
  const page = document.scrollingElement;
  if (page && page.scrollWidth > page.clientWidth + 1) {
    // Name the outermost elements that stick out, so the failure says where to look.
    const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > page.clientWidth + 1);
    const outermost = wide.filter((el) => !wide.includes(el.parentElement as Element)).slice(0, 5);
    out.push(`the page ${page.scrollWidth} > ${page.clientWidth}: ${outermost.map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`).join(", ")}`);
  }
  return out;
}

async function expectFullyShown(target: Locator, what: string) {
  expect(await target.evaluate(whyNotFullyShown), what).toBe("");
}

async function openCallout(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Critical callout" }).click();
  const dialog = page.getByRole("dialog", { name: "Critical callout" });
  await expect(dialog.getByRole("table", { name: /^Critical values of / })).toHaveCount(9);
  await expect(dialog.getByRole("list", { name: "Callouts" })).toBeVisible();
  return dialog;
}

for (const size of SIZES) {
  test(`${size.name} (${size.width} px): every critical value's flag and ranges are visible, nothing scrolls sideways`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await loginViaForm(page, "support2");
    await page.goto("/bills/581");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/bill-page-${size.width}.png`, fullPage: true });
    const dialog = await openCallout(page);
    await page.screenshot({ path: `${SCREENSHOTS}/callout-layout-${size.width}.png` });

    // Each report's header: status badge and the "N critical values" disclosure.
    const reports = dialog.getByRole("group", { name: /Reports to call out/ }).getByRole("listitem");
    for (const report of await reports.all()) {
      const name = await report.getByRole("checkbox").getAttribute("aria-label") ?? (await report.locator("label").first().textContent());
      await expectFullyShown(report.getByRole("button", { name: /critical values? of/ }), `${name}: disclosure`);
      await expectFullyShown(report.getByText(/^(Pending|Attempted|Done)$/), `${name}: status badge`);
    }

    // Every critical value: its flag, reference range and critical range.
    const tables = dialog.getByRole("table", { name: /^Critical values of / });
    let values = 0;
    for (const table of await tables.all()) {
      const caption = await table.locator("caption").textContent();
      for (const row of await table.getByRole("row").filter({ has: page.getByRole("cell") }).all()) {
        const parameter = await row.getByRole("rowheader").textContent();
        const cells = row.getByRole("cell");
        await expect(cells).toHaveCount(4);
        await expect(cells.nth(1)).toHaveText(/Critically low|Critically high|Critical result/);
        for (const [i, what] of [[1, "flag"], [2, "reference range"], [3, "critical range"]] as const) {
          await expectFullyShown(cells.nth(i), `${caption} · ${parameter}: ${what}`);
        }
        values++;
      }
    }
    expect(values).toBeGreaterThanOrEqual(9);
    await dialog.getByRole("table", { name: /^Critical values of / }).last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/callout-layout-${size.width}-values.png` });

    // The actions and the comment are reachable; the history sits beside the form or under it.
    await expectFullyShown(dialog.getByRole("button", { name: "Mark as done" }), "Mark as done");
    await expectFullyShown(dialog.getByRole("textbox", { name: /^Comment/ }), "the comment box");
    await page.screenshot({ path: `${SCREENSHOTS}/callout-layout-${size.width}-form.png` });
    const form = await dialog.getByRole("form", { name: "Callout form" }).boundingBox();
    const history = await dialog.getByRole("region", { name: /Callout history/ }).boundingBox();
    if (!form || !history) throw new Error("form or history has no box");
    if (size.sideBySide) expect(history.x, "history beside the form").toBeGreaterThanOrEqual(form.x + form.width - 1);
    else {
      expect(history.y, "history under the form").toBeGreaterThanOrEqual(form.y + form.height - 1);
      expect(history.width, "history as wide as the form").toBeGreaterThanOrEqual(form.width - 1);
    }
    await expectFullyShown(dialog.getByRole("list", { name: "Callouts" }).locator(":scope > li").first(), "the newest callout");
    await page.screenshot({ path: `${SCREENSHOTS}/callout-layout-${size.width}-history.png` });

    expect(await dialog.evaluate(sidewaysScrollers), "horizontal scroll").toEqual([]);
    // The dialog itself never scrolls (its panels do), so its title and tabs stay in place.
    expect(await dialog.evaluate((d) => ({ top: d.scrollTop, overflow: d.scrollHeight - d.clientHeight }))).toEqual({ top: 0, overflow: 0 });
    await expect(dialog.getByRole("tab", { name: "Callout" })).toBeInViewport({ ratio: 1 });
    expect(await dialog.evaluate(wordsBrokenAcrossLines), "words broken across lines").toEqual([]);
  });
}
