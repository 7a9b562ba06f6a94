import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo } from './server';

// A demo account logs in with the password it was given: it must choose its own before anything else.
let server: DemoServer;
let browser: Browser;
beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function firstLogin(page: Page, username: string, initial: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(initial);
  await page.getByTestId('login-submit').click();
  await page.getByText('请先修改密码', { exact: true }).waitFor();
}

describe('first login in Chromium', () => {
  it('asks for an own password first, refuses a mismatch, then opens the app; the initial password no longer works', async () => {
    const username = 'fl';
    const initial = server.users.get(username) as string;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await firstLogin(page, username, initial);
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    // the API refuses the app's calls until then, in Chinese
    const refused = await page.evaluate(async () => {
      const r = await fetch('/api/v1/orgs');
      return { status: r.status, body: (await r.json()) as { error: { message: string } } };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('请先修改密码');
    await screenshot(page, 'first-login-1366');

    const dialog = page.getByTestId('forced-password-change');
    await dialog.getByLabel('当前密码').fill(initial);
    await dialog.getByLabel('新密码', { exact: true }).fill('Qingxi-own-2026');
    await dialog.getByLabel('确认新密码').fill('Qingxi-own-2027');
    await dialog.getByTestId('password-submit').click();
    await dialog.getByText('两次输入的新密码不一致').waitFor();
    await dialog.getByLabel('确认新密码').fill('Qingxi-own-2026');
    await dialog.getByTestId('password-submit').click();
    await page.getByTestId('nav-people').first().waitFor();
    server.users.set(username, 'Qingxi-own-2026');

    const old = await server.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: initial } });
    expect(old.statusCode).toBe(401);
    await page.close();
  });

  it('fits a 390 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await firstLogin(page, 'leader', server.users.get('leader') as string);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(391);
    await screenshot(page, 'first-login-390');
    await page.close();
  });
});
