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

describe('a report figure opens its records', () => {
  it('follows /metrics?code=…&org=…&from=…&to= to the records the figure counts', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'fl', 'nav-people');
    const code = encodeURIComponent('loans.amount');
    await page.goto(`${server.url}/metrics?code=${code}&org=LD-FL&from=2026-01-01&to=2026-12-31`);
    const drawer = page.getByTestId('metric-records');
    await drawer.waitFor();
    await drawer.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await drawer.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await drawer.textContent()).toContain('贷款');
    await screenshot(page, 'metric-records');
    await page.close();
  });
});
