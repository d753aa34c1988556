/**
 * The core hosted-field checks in Firefox ESR, driven over WebDriver BiDi by
 * puppeteer-core (no geckodriver, no browser download). Run by
 * war/src/test/java/io/cardvault/it/CrossBrowserIT.java, which serves the
 * merchant page, creates the tenants and asserts on the JSON this script
 * prints as its last line. The script itself decides nothing and never prints
 * what was typed.
 *
 *   node browser-tests/firefox-core.mjs core      <merchant page URL with ?key=>
 *   node browser-tests/firefox-core.mjs loaderror <merchant page URL with ?key=>
 *   node browser-tests/firefox-core.mjs dark      <dark merchant page URL with ?key=>
 *
 * Environment: CARDVAULT_FIREFOX (default /usr/bin/firefox-esr).
 * Every wait is bounded (WAIT_MS); the whole run is bounded by the caller.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const WAIT_MS = 30000;
const [scenario, url] = process.argv.slice(2);
if (!['core', 'loaderror', 'dark'].includes(scenario) || !/^http:\/\/(127\.0\.0\.1|localhost):\d+\//.test(url || '')) {
  console.error('usage: firefox-core.mjs core|loaderror|dark <loopback merchant page URL>');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'cardvault-firefox-'));
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.CARDVAULT_FIREFOX || '/usr/bin/firefox-esr',
  protocol: 'webDriverBiDi',
  headless: true,
  userDataDir: profile,
  timeout: 90000,
  extraPrefsFirefox: {
    'network.proxy.type': 0,
    'app.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
  },
});

async function frameOf(page, field) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes('field=' + field + '&'));
    if (frame) {
      const input = await frame.$('#cv-input').catch(() => null);
      if (input) return frame;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no ready ' + field + ' frame within ' + WAIT_MS + ' ms');
}

async function typeInto(page, field, text) {
  const frame = await frameOf(page, field);
  await frame.click('#cv-input');
  await frame.type('#cv-input', text);
  return frame;
}

async function core(page) {
  const out = {};
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForFunction('window.__ready === 3', { timeout: WAIT_MS });
  out.ready = await page.evaluate('window.__ready');

  // a click on the merchant's <label for=card-expiry> focuses the input inside the frame
  await page.click('#label-expiry');
  await page
    .waitForFunction("document.getElementById('card-expiry').className.indexOf('cardvault-focus') !== -1", {
      timeout: 5000,
    })
    .catch(() => {});
  out.focusClass = await page.evaluate("document.getElementById('card-expiry').className");
  const expiryFrame = await frameOf(page, 'expiry');
  out.activeId = await expiryFrame.evaluate(() => (document.activeElement ? document.activeElement.id : ''));

  await typeInto(page, 'number', '4111111111111111');
  const numberFrame = await frameOf(page, 'number');
  out.numberFormatted = (await numberFrame.$eval('#cv-input', (e) => e.value)) === '4111 1111 1111 1111';
  await typeInto(page, 'expiry', '12/2030');
  out.expiryValue = await expiryFrame.$eval('#cv-input', (e) => e.value);
  // Backspace with the caret before the year's first digit steps over ' / ' (issue 15 defect 4)
  const expiryInput = await expiryFrame.$('#cv-input');
  await expiryInput.press('ArrowLeft');
  await expiryInput.press('ArrowLeft');
  await expiryInput.press('Backspace');
  out.expiryAfterBackspace = await expiryFrame.$eval('#cv-input', (e) => e.value);
  await typeInto(page, 'cvc', '123');
  await page
    .waitForFunction("document.getElementById('card-cvc').className.indexOf('cardvault-complete') !== -1", {
      timeout: 5000,
    })
    .catch(() => {});
  out.state = await page.evaluate('JSON.stringify(window.__fields.getState())');

  await page.click('#tokenize');
  await page.waitForFunction("document.getElementById('result').textContent !== ''", { timeout: WAIT_MS });
  out.result = await page.evaluate("document.getElementById('result').textContent");
  out.messages = await page.evaluate('window.__messages');
  return out;
}

async function loaderror(page) {
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForFunction('window.__loaderror !== null', { timeout: 15000 });
  const out = await page.evaluate('({ready: window.__ready, loaderror: window.__loaderror})');
  await page.click('#tokenize');
  await page.waitForFunction("document.getElementById('result').textContent !== ''", { timeout: 5000 });
  out.result = await page.evaluate("document.getElementById('result').textContent");
  return out;
}

/** A dark page with one field: the frame's rectangle and a PNG screenshot (base64) for the caller. */
async function dark(page) {
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForFunction('window.__ready === 1', { timeout: WAIT_MS });
  await new Promise((r) => setTimeout(r, 500));
  const out = await page.evaluate(
    "(function(){var r=document.querySelector('#card-expiry iframe').getBoundingClientRect();" +
      'return {ready: window.__ready, dpr: window.devicePixelRatio, rect: {x: r.x, y: r.y, width: r.width, height: r.height}};})()',
  );
  out.png = await page.screenshot({ encoding: 'base64' });
  return out;
}

let exitCode = 0;
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const result = await { core, loaderror, dark }[scenario](page);
  result.browser = await browser.version();
  console.log(JSON.stringify(result));
} catch (e) {
  console.error('firefox ' + scenario + ' failed: ' + String(e && e.message).replace(/\d{5,}/g, '#'));
  exitCode = 1;
} finally {
  await browser.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
