import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function logIn(page: import('playwright-core').Page, username: string) {
  await signIn(page, server, username, 'nav-people');
}

describe('web shell in Chromium', () => {
  it('logs in, opens the people list in Chinese and sees masked ID numbers (1366×768)', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await logIn(page, 'fl');
    await page.getByTestId('nav-people').click();
    const table = page.getByTestId('people-table');
    await table.waitFor();
    const firstId = page.getByTestId('person-id-number').first();
    await firstId.waitFor();
    expect(await firstId.textContent()).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(await page.content()).toContain('人员');
    await screenshot(page, 'people-list-1366');
    // search by a name fragment narrows the list
    await page.close();
  });

  it('works on a 390-px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await logIn(page, 'hy-fl');
    await page.goto(`${server.url}/people`);
    await page.getByTestId('person-id-number').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'people-list-390');
    await page.close();
  });
});
