// The review loop in a real browser (driven by tests/review_browser.rs):
// opens a story page of a Parallax report in Debian's chromium, marks one
// flag "checked: not a change" and another "checked: real" with a note,
// reloads the page to see the decisions kept (localStorage), and exports
// ignore.csv, review.csv and lexicon.tsv into a folder.
//
//   node review.mjs CHROMIUM PAGE DISMISS_ID CONFIRM_ID OUT_DIR
//
// Prints one JSON line with what it saw. Playwright's core library only:
// no browser is downloaded, the system's chromium is launched headless with
// a fresh profile and no network services.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bin, page, dismissId, confirmId, outDir] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: bin,
  headless: true,
  acceptDownloads: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const seen = {};
try {
  const tab = context.pages()[0] ?? await context.newPage();
  tab.setDefaultTimeout(30000);
  await tab.goto(pathToFileURL(page).href);
  seen.barShown = await tab.locator('#review').isVisible();
  const flag = (id) => tab.locator(`li.flag[data-flag="${id}"]`);
  // Open every row, so the flags' buttons can be clicked.
  await tab.evaluate(() => document.querySelectorAll('details.row').forEach((d) => { d.open = true; }));
  await flag(dismissId).locator('button[data-d="not_a_change"]').click();
  await flag(confirmId).locator('input').fill('checked with the desk');
  await flag(confirmId).locator('button[data-d="real"]').click();
  await tab.reload();
  seen.keptAfterReload = await flag(dismissId)
    .locator('button[data-d="not_a_change"]').getAttribute('aria-pressed');
  seen.dismissedClass = await flag(dismissId).evaluate((li) => li.classList.contains('rv-not_a_change'));
  seen.count = await tab.locator('#review .rv-count').textContent();
  for (const [button, name] of [['#export-ignore', 'ignore.csv'], ['#export-review', 'review.csv'],
    ['#export-lexicon', 'lexicon.tsv']]) {
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.click(button)]);
    seen[name] = download.suggestedFilename();
    await download.saveAs(join(outDir, name));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));
