import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser';
import { apiToken, closeDemo, type DemoServer, openDemo, signIn } from './server';

/**
 * 待办 in the web: a case assigned to the case worker runs past its handling deadline (the server's
 * clock moves), appears on her 首页 and in the header's bell with the list's count, and leaves both
 * once she closes it. Screenshots of 首页 at 1366 and 390 px for the case worker, a township clerk
 * and the administrator.
 */
let server: DemoServer;
let browser: Browser;
const day = 86_400_000;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function api(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await server.t.app.inject({ method, url, headers: { authorization: `Bearer ${await apiToken(server, username)}` }, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

async function bellCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('todo-bell').getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? 0);
}

async function homeTotal(page: Page): Promise<number> {
  const title = (await page.getByTestId('todo-card').locator('.ant-card-head-title').textContent()) ?? '';
  return Number(/（(\d+)）/.exec(title)?.[1] ?? -1);
}

describe('待办 journey', () => {
  it('a case past its deadline is on the handler’s 首页 and bell, and leaves both once closed', async () => {
    const me = await api('xf-fl', 'GET', '/api/v1/auth/me');
    const c = await api('xf-fl', 'POST', '/api/v1/cases', { kind: '信访', channel: '来访', summary: '待办旅程：反映工伤赔偿未落实', parties: [{ name: '旅程当事人', role: '申请人' }] });
    await api('xf-fl', 'POST', `/api/v1/cases/${c.id}/transitions`, { action: 'accept' });
    await api('xf-fl', 'POST', `/api/v1/cases/${c.id}/transitions`, { action: 'assign', handlerId: me.id ?? me.user?.id });
    server.t.clock.advance(61 * day);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, server, 'xf-fl');
    await page.getByTestId('todo-card').waitFor();
    const item = page.getByTestId('todo-item').filter({ hasText: '待办旅程：反映工伤赔偿未落实' });
    await item.waitFor();
    await expect.poll(() => bellCount(page)).toBe(await homeTotal(page));
    const before = await homeTotal(page);
    expect(before).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'todo-case-worker-1366');
    // the item opens the case
    await item.click();
    await page.waitForURL((u) => u.pathname === `/cases/${c.id}`);
    await api('xf-fl', 'POST', `/api/v1/cases/${c.id}/transitions`, { action: 'close', outcome: '化解', outcomeText: '赔偿已到位' });
    await page.goto(`${server.url}/`);
    await page.getByTestId('todo-card').waitFor();
    await expect.poll(() => homeTotal(page)).toBe(before - 1);
    expect(await page.getByTestId('todo-item').filter({ hasText: '待办旅程：反映工伤赔偿未落实' }).count()).toBe(0);
    await expect.poll(() => bellCount(page)).toBe(before - 1);
    await page.close();

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, server, 'xf-fl');
    await phone.getByTestId('todo-card').waitFor();
    await screenshot(phone, 'todo-case-worker-390');
    await phone.close();
  }, 180_000);

  it('a township clerk and the administrator see their own 待办 (screenshots at 1366 and 390 px)', async () => {
    for (const username of ['hy-fl', ...(server.users.has('admin') ? ['admin'] : ['fl'])]) {
      for (const [w, h] of [[1366, 768], [390, 844]] as const) {
        const page = await browser.newPage({ viewport: { width: w, height: h } });
        await signIn(page, server, username);
        await page.getByTestId('todo-card').waitFor();
        await page.locator('.ant-card-loading-content').first().waitFor({ state: 'detached' }).catch(() => undefined);
        await expect.poll(async () => (await bellCount(page)) === (await homeTotal(page))).toBe(true);
        // nothing on the page is wider than the screen
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
        await screenshot(page, `todo-${username}-${w}`);
        await page.close();
      }
    }
  }, 180_000);
});
