import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../src/server/config';

/**
 * The browser's own clock for the journeys: `E2E_BROWSER_CLOCK` = an ISO instant (every context's
 * clock starts there and runs on), or unset/`none` for the real clock. `npm test` sets it years away
 * from the server's clock, so a page that took its date from the browser instead of the server
 * (web/shared/clock.ts) fails a journey.
 */
export function browserClock(): Date | null {
  const v = process.env.E2E_BROWSER_CLOCK;
  if (!v || v === 'none') return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new Error(`E2E_BROWSER_CLOCK is not an instant: ${v}`);
  return d;
}

/** Debian's Chromium through playwright-core (never a downloaded browser); each launch gets a fresh temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const clock = browserClock();
  if (clock) {
    // every context (and every page made with browser.newPage) starts on the skewed clock
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await context.clock.install({ time: clock });
      return context;
    };
    browser.newPage = async (options) => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.on('close', () => void context.close().catch(() => {}));
      return page;
    };
  }
  return browser;
}

async function launchChromium(): Promise<Browser> {
  const config = loadConfig();
  return chromium.launch({
    executablePath: config.chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const artifactsDir = 'test-artifacts';

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Picks `name` in a searchable tree select (the unit picker): types it, clicks the node, and counts the
 * pick only once the dropdown closed on it and the select shows it. The tree filters as the name is
 * typed; a click on a node the filter is re-rendering can miss, and is then tried again.
 */
export async function pickTreeNode(page: Page, select: Locator, name: string): Promise<void> {
  const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-title').getByText(name, { exact: true });
  for (let attempt = 1; ; attempt++) {
    if (!(await node.isVisible())) {
      await select.click();
      await page.keyboard.type(name);
    }
    await node.click();
    try {
      await node.waitFor({ state: 'hidden', timeout: 3_000 });
      await select.filter({ hasText: name }).first().waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
