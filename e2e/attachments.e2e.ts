import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

/** A ledger record's 附件 panel: upload a photo, see it listed, download it, delete it. */
let server: DemoServer;
let browser: Browser;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(128, 3)]);

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

describe('attachments of a ledger record', () => {
  it('uploads, lists, downloads and deletes a sign-in sheet photo', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'fl', 'nav-people');
    await page.goto(`${server.url}/activities`);
    const first = page.getByTestId('activities-table').locator('a[href^="/activities/"]').first();
    await first.waitFor();
    await first.click();
    const panel = page.getByTestId('attachments-panel');
    await panel.waitFor();
    await panel.locator('input[type=file]').setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: png });
    const item = page.getByTestId('attachment-item').filter({ hasText: '签到表.png' });
    await item.waitFor();
    const href = await item.getByTestId('attachment-download').getAttribute('href');
    const file = await page.request.get(`${server.url}${href as string}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(png)).toBe(true);
    await screenshot(page, 'ledger-attachments');
    await item.getByTestId('attachment-delete').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await item.waitFor({ state: 'detached' });
    await page.close();
  });
});
