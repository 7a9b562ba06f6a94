import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../test/factories';
import { screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

// Issue 12 (what a new user tripped over): every main page fits a 1366×768 laptop and a 390×844 phone,
// opens on a unit without an error toast, and a drill-down from the dashboard comes back to where it was.

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
  // a global system administrator (no unit of their own), as the first login of a fresh install is
  const admin = await createTestUser(server.t.sys, { username: 'admin', role: 'sysadmin', orgId: null });
  server.users.set('admin', admin.password);
});
afterAll(() => closeDemo(server, browser));

const pages = ['/activities', '/assistance', '/loans', '/cases', '/metrics', '/wishes', '/dashboard', '/'];
const viewports = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];
// the administrator and a township clerk (花园镇妇联联络员, staff of one township unit)
const accounts = ['admin', 'hy-fl'];

/**
 * Waits until the page has drawn its content and nothing spins (spinners, skeletons, loading tables),
 * seen so on two checks in a row (a second wave of requests starts when the first answers).
 */
async function settled(page: Page): Promise<void> {
  const idle = () =>
    page.waitForFunction(() => {
      const content = document.querySelector('.ant-layout-content');
      const busy = document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-statistic-skeleton, .ant-btn-loading');
      return Boolean(content && (content.textContent ?? '').trim().length > 0 && !busy);
    });
  await idle();
  await page.waitForTimeout(400);
  await idle();
}

interface Fit {
  scrollWidth: number;
  viewport: number;
  /** Each visible table's last header cell: its text and horizontal extent. */
  lastHeaders: { text: string; left: number; right: number }[];
  /** The phone tab bar's bottom edge, when there is one. */
  tabBarBottom: number | null;
  viewportHeight: number;
}

async function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const lastHeaders = [...document.querySelectorAll('.ant-table-wrapper')]
      .filter((w) => (w as HTMLElement).offsetParent !== null && !w.closest('.ant-drawer, .ant-modal'))
      .map((w) => {
        const ths = [...w.querySelectorAll('thead tr:first-child th')].filter((th) => !th.classList.contains('ant-table-cell-scrollbar'));
        const th = ths[ths.length - 1];
        const r = th?.getBoundingClientRect();
        return { text: th?.textContent ?? '', left: r?.left ?? 0, right: r?.right ?? 0 };
      });
    const nav = document.querySelector('nav[aria-label="主导航"]');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      lastHeaders,
      tabBarBottom: nav ? nav.getBoundingClientRect().bottom : null,
      viewportHeight: window.innerHeight,
    };
  });
}

describe('layout: every main page at 1366×768 and 390×844', () => {
  for (const username of accounts) {
    for (const vp of viewports) {
      it(`${username} on a ${vp.name} (${vp.width}×${vp.height})`, async () => {
        const page = await browser.newPage({ viewport: { width: vp.width, height: vp.height }, locale: 'zh-CN' });
        try {
          await signIn(page, server, username);
          for (const path of pages) {
            await page.goto(`${server.url}${path}`);
            await settled(page);
            const name = `layout-${username}-${vp.name}-${path === '/' ? 'home' : path.slice(1)}`;
            await screenshot(page, name);
            const fit = await measure(page);
            expect(fit.scrollWidth, `${path}: page wider than the screen`).toBeLessThanOrEqual(fit.viewport + 1);
            if (vp.name === 'laptop') {
              for (const h of fit.lastHeaders) {
                expect(h.left, `${path}: last column "${h.text}" starts off-screen`).toBeGreaterThanOrEqual(0);
                expect(h.right, `${path}: last column "${h.text}" cut off`).toBeLessThanOrEqual(fit.viewport);
              }
            } else {
              expect(fit.tabBarBottom, `${path}: the tab bar is off-screen`).not.toBeNull();
              expect(fit.tabBarBottom as number).toBeLessThanOrEqual(fit.viewportHeight);
            }
            const errors = await page.locator('.ant-message-error').allTextContents();
            expect(errors, `${path}: error toast on load`).toEqual([]);
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe('layout: where the unit filter and the figures are', () => {
  it('a ledger list shows its unit filter in the first screen, and the metrics page opens on the caller’s top unit', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    try {
      await signIn(page, server, 'admin');
      for (const path of ['/activities', '/assistance', '/loans']) {
        await page.goto(`${server.url}${path}`);
        await settled(page);
        const box = await page.getByTestId('unit-filter').boundingBox();
        expect(box, `${path}: no unit filter`).not.toBeNull();
        expect((box?.y ?? 0) + (box?.height ?? 0), `${path}: unit filter below the fold`).toBeLessThanOrEqual(768);
      }
      await page.goto(`${server.url}/metrics`);
      await settled(page);
      // a figure, not a dash: the page asked for the administrator's top unit
      const values = await page.getByTestId('metric-card').locator('.ant-statistic-content-value').allTextContents();
      expect(values.length).toBeGreaterThan(10);
      expect(values.filter((v) => v.trim() === '—')).toEqual([]);
      expect(values.filter((v) => /\d/.test(v)).length).toBeGreaterThan(10);
      const top = (await page.getByTestId('metrics-org').textContent())?.trim();
      expect(top).toBeTruthy();
      expect(top).not.toBe('全部单位（本级及下级）');
    } finally {
      await page.close();
    }
  });

  it('a page whose requests all fail alike shows the message once', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    try {
      await signIn(page, server, 'admin');
      await page.route(/\/api\/v1\/metrics\/[^/?]+(\?|$)/, (route) =>
        route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION', message: '请指定组织（org：组织代码或 id）', details: [] } }) }),
      );
      await page.goto(`${server.url}/metrics`);
      await settled(page);
      expect(await page.getByTestId('metric-card').count()).toBeGreaterThan(10);
      expect(await page.locator('.ant-message-error').allTextContents()).toEqual(['请指定组织（org：组织代码或 id）']);
      await screenshot(page, 'layout-metrics-failing-once');
    } finally {
      await page.close();
    }
  });

  it('a dashboard figure opens its records, and closing them or going back returns to the unit and year it came from', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    try {
      await signIn(page, server, 'admin');
      await page.goto(`${server.url}/dashboard`);
      await page.getByTestId('dashboard').waitFor();
      const year = Number(/(\d{4})/.exec((await page.getByTestId('dashboard-year').textContent()) ?? '')?.[1]);
      // the year before: it must survive the round trip
      await page.getByTestId('dashboard-year').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: `${year - 1}年` }).click();
      await page.waitForURL((u) => u.searchParams.get('year') === String(year - 1));
      await settled(page);
      const org = page.getByTestId('dashboard-org').nth(1);
      const orgName = ((await org.locator('.ant-card-head-title').textContent()) ?? '').trim();
      await org.getByTestId('dashboard-figure').first().click();
      await page.getByTestId('metric-records').waitFor();
      await screenshot(page, 'layout-drilldown-drawer');
      // closing the records: the page behind is the figure's unit and period, not the whole county
      await page.locator('.ant-drawer-close').click();
      await page.waitForURL((u) => !u.searchParams.has('code') && u.searchParams.has('orgId'));
      await settled(page);
      const url = new URL(page.url());
      expect(url.searchParams.get('from')).toBe(`${year - 1}-01-01`);
      await page.getByTestId('metrics-org').filter({ hasText: orgName }).waitFor();
      await screenshot(page, 'layout-drilldown-closed');
      // going back: the dashboard on the year it showed
      await page.goBack();
      await page.getByTestId('dashboard').waitFor();
      expect(new URL(page.url()).searchParams.get('year')).toBe(String(year - 1));
      expect(await page.getByTestId('dashboard-year').textContent()).toContain(`${year - 1}年`);
    } finally {
      await page.close();
    }
  });
});
