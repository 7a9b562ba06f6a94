import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { launchBrowser, screenshot } from './browser';

// 帮助 on a county's own unit (not the demo): the drawer explains the page in view, the 使用手册 walks
// from 首次设置 to the annual report, at 1366 px and on a 390 px phone.
let t: TestApp;
let url: string;
let browser: Browser;
const clerk = { username: 'bh-fl', password: '' };

beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.sys, { code: 'BH-FL', name: '北河县妇联', kind: 'womens_federation' });
  clerk.password = (await t.userWith('staff', unit.id, clerk.username)).password;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function logIn(page: Page) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(clerk.username);
  await page.getByTestId('login-password').fill(clerk.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe('帮助 and 使用手册', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ])
    it(`explains the page in view and leads to the manual (${viewport.width} px)`, { timeout: 300_000 }, async () => {
      const phone = viewport.width < 500;
      const page = await browser.newPage({ viewport, locale: 'zh-CN', ...(phone ? { isMobile: true, hasTouch: true } : {}) });
      await logIn(page);
      await page.goto(`${url}/targets`);
      await page.getByTestId('help-open').click();
      const drawer = page.locator('.qt-help-drawer');
      await drawer.getByText('帮助：年度目标').waitFor();
      const text = (await drawer.textContent()) ?? '';
      for (const s of ['序时进度', '49.86%', '超前', '滞后', '分解下达']) expect(text, s).toContain(s);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width + 1);
      await screenshot(page, `help-drawer-${viewport.width}`);

      await page.getByTestId('help-manual-link').click();
      await page.waitForURL(/\/help$/);
      const steps = page.getByTestId('manual-steps');
      await steps.getByText('首次设置：建立县委和群团组织').waitFor();
      const manual = (await page.textContent('body')) ?? '';
      for (const s of ['导入下级单位', '开通用户', '初始密码表', '生成年度报告', '近70', '6000余', '{{loans.amount | org=@妇联 | fmt=wan}}']) expect(manual, s).toContain(s);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width + 1);
      await screenshot(page, `help-manual-${viewport.width}`);

      // the manual's own help, and a ledger page's fields
      await page.goto(`${url}/activities`);
      await page.getByTestId('help-open').click();
      await drawer.getByText('帮助：活动台账').waitFor();
      expect((await drawer.textContent()) ?? '').toContain('联合单位');
      await page.close();
    });
});
