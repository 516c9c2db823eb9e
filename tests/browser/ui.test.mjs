// Drives bron's web UI in headless Chromium: the ledger and its filters, an article with its annotations
// and speakers, an entity with its timeline chart, a story with its reports side by side.
// Usage: node ui.test.mjs BASE_URL   (tests/browser/run starts the server and sets CHROMIUM)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const base = process.argv[2];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
const problems = [];
page.on('pageerror', e => problems.push(`page error: ${e.message}`));
page.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });

async function view(hash, section) {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector(`#main[data-ready="${section}"]`, { timeout: 10000 });
}

let failures = 0;
async function check(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

await check('the ledger clusters the claim across papers, with stances and number drift', async () => {
  await view('#/', 'ledger');
  const entries = page.locator('.ledger-entry');
  assert.ok(await entries.count() >= 1);
  const first = entries.first();
  const text = await first.innerText();
  assert.match(text, /400 drones/);
  assert.match(text, /not confirmed by Kremlin/);
  assert.match(text, /denied by Kremlin/);
  assert.match(text, /numbers: 400 drones → 420 drones/);
  assert.match(text, /about: .*Vladimir Putin/);  // names, linked
  assert.doesNotMatch(text, /http/);
  assert.equal(await first.locator('.sources li').count(), 3);  // two Dutch papers and the English report
  assert.match(text, /ready to supply 400 drones/);
  assert.match(await page.locator('#stats').innerText(), /3 documents/);
});

await check('the ledger filters by entity (any spelling), certainty and date', async () => {
  await view('#/', 'ledger');
  await page.fill('#ledger-filters input[name=entity]', 'Poetin');
  await page.click('#ledger-filters button');
  await page.waitForFunction(() => location.hash.includes('entity=Poetin'));
  await page.waitForSelector('#main[data-ready="ledger"] .ledger-entry');
  assert.ok(await page.locator('.ledger-entry').count() >= 1);
  await view('#/?certainty=reported', 'ledger');
  const reported = await page.locator('.ledger-entry').allInnerTexts();
  assert.equal(reported.length, 1);  // the entry holds one claim made as 'reported': the English one
  await view('#/?certainty=negated', 'ledger');
  assert.equal(await page.locator('.ledger-entry').count(), 0);
  await view('#/?entity=Nobody', 'ledger');
  assert.match(await page.locator('#ledger').innerText(), /No claims match/);
  await view('#/?since=2030-01-01', 'ledger');
  assert.equal(await page.locator('.ledger-entry').count(), 0);
});

await check('an article shows entities, quotes with speakers, claims, numbers and times highlighted', async () => {
  await view('#/', 'ledger');
  await page.locator('.ledger-entry .sources a').first().click();
  await page.waitForSelector('#main[data-ready="doc"] #article');
  assert.match(await page.locator('h1').innerText(), /Poetin bereid drones/);
  assert.equal(await page.locator('#article .ent-PER').first().innerText(), 'Poetin');
  const quote = (await page.locator('#article [data-quote="Q1"]').allInnerTexts()).join('');
  assert.equal(quote, 'We zijn bereid 400 drones te leveren');
  assert.ok(await page.locator('#article .claim.focus').count() >= 1);
  assert.equal(await page.locator('#article .qty').first().innerText(), '400 drones');
  assert.equal(await page.locator('#article .time').first().innerText(), 'donderdag');
  assert.equal(await page.locator('#quotes .speaker-name').first().innerText(), 'Vladimir Putin');
  assert.match(await page.locator('#claims').innerText(), /not confirmed by Kremlin/);
});

await check('an entity page has every spelling and a timeline chart', async () => {
  await view('#/entity?name=Poetin', 'entity');
  assert.match(await page.locator('h1').innerText(), /Vladimir Putin/);
  const aliases = await page.locator('#aliases').innerText();
  assert.match(aliases, /Poetin/);
  assert.ok(await page.locator('svg.timeline rect.docs').count() >= 2);
  assert.ok(await page.locator('svg.timeline rect.claims').count() >= 2);
  assert.ok(await page.locator('.ledger-entry').count() >= 1);
});

await check('a story shows its reports side by side', async () => {
  await view('#/stories', 'stories');
  await page.locator('table a').first().click();
  await page.waitForSelector('#main[data-ready="story"] #reports');
  const reports = page.locator('#reports .report');
  assert.ok(await reports.count() >= 2, 'at least two reports');
  const boxes = [await reports.nth(0).boundingBox(), await reports.nth(1).boundingBox()];
  assert.ok(Math.abs(boxes[0].y - boxes[1].y) < 2 && boxes[1].x > boxes[0].x, 'side by side');
});

await check('search finds claims and quotes', async () => {
  await view('#/', 'ledger');
  await page.fill('#search input', 'drones');
  await page.press('#search input', 'Enter');
  await page.waitForSelector('#main[data-ready="search"] #hits');
  const kinds = await page.locator('#hits .chip').allInnerTexts();
  assert.ok(kinds.includes('claim') && kinds.includes('quote') && kinds.includes('document'), kinds.join(','));
});

await check('no errors in the page', async () => {
  assert.deepEqual(problems, []);
});

await browser.close();
console.log(failures ? `${failures} browser check(s) failed` : 'all browser checks passed');
process.exit(failures ? 1 : 0);
