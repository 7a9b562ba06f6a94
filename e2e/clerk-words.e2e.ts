import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from './browser';
import { multipartBody, sheetBuffer } from '../src/server/modules/imports/imports.fixtures';
import { buildIdNumber } from '../test/factories';
import { apiToken, closeDemo, type DemoServer, openDemo, signIn } from './server';

/**
 * What a new user tripped over (issue 12, items 1, 5 and 12), in the demo county: a party picked
 * from 人员库 is registered as that person; the timeline names people, not accounts; the phone
 * results page of an awarded campaign without public voting says so; the /p/ tab title; the report
 * button a clerk understands.
 */
let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

const noOverflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('what a new user tripped over', () => {
  it.each([
    [1366, 768],
    [390, 844],
  ])('registers a case with a party picked from 人员库, by person id, and shows display names on the timeline (%i px)', async (width, height) => {
    // someone of the registry the clerk may see (the 张秀兰 is one such adult)
    const people = (await (await fetch(`${server.url}/api/v1/people?pageSize=50`, { headers: { authorization: `Bearer ${await apiToken(server, 'xf-fl')}` } })).json()) as { items: { name: string; birthDate: string | null }[] };
    const someone = people.items.find((p) => p.birthDate !== null && p.birthDate < '2000-01-01')?.name ?? '';
    expect(someone).not.toBe('');
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    await signIn(page, server, 'xf-fl');
    await page.goto(`${server.url}/cases/new`);
    await page.getByTestId('case-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '信访' }).first().click();
    await page.getByTestId('case-summary').fill('反映子女不履行赡养义务');
    await page.getByTestId('party-registry-search').click();
    await page.getByTestId('party-registry-search').locator('input').fill(someone);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: someone }).first();
    await option.waitFor();
    await option.click();
    await page.getByTestId('party-registry-person').getByText(someone).waitFor();
    // the 人员库 list closes once a person is picked (it stayed open over the form)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor({ state: 'detached', timeout: 5_000 });
    await screenshot(page, `issue12-case-register-registry-${width}`);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/cases');
    await page.getByTestId('case-submit').click();
    const body = JSON.parse((await sent).postData() ?? '{}') as { parties: { personId?: string; role: string }[] };
    expect(body.parties).toHaveLength(1);
    expect(body.parties[0]?.personId).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForURL((u) => /^\/cases\/[^/]+$/.test(u.pathname) && u.pathname !== '/cases/new');
    expect(await page.getByTestId('case-parties').textContent()).toContain(someone);
    const me = (await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${await apiToken(server, 'xf-fl')}` } })).json()) as { displayName?: string; user?: { displayName?: string } };
    const displayName = me.displayName ?? me.user?.displayName ?? '';
    expect(displayName).not.toBe('');
    const entry = (await page.getByTestId('timeline-entry').first().textContent()) ?? '';
    expect(entry).toContain(displayName);
    expect(entry).not.toContain('xf-fl');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `issue12-case-timeline-${width}`);
    await page.close();
  });

  it('says on the phone that a campaign without public voting has no votes to wait for, and titles /p/ once (390 px)', async () => {
    // a campaign judged by the jury alone (no public voting), as 县妇联 sets one up
    const fl = await server.t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'LD-FL').executeTakeFirstOrThrow();
    const created = await server.t.app.inject({
      method: 'POST', url: '/api/v1/campaigns', headers: { authorization: `Bearer ${await apiToken(server, 'fl')}` },
      payload: { name: '巾帼建功标兵评选', kind: '巾帼建功标兵', nomineeType: 'person', year: 2026, awardLevel: '县级', quotas: [{ orgId: fl.id, quota: 3 }], winnersCount: 1, votingEnabled: false },
    });
    expect(created.statusCode, created.body).toBe(201);
    const awarded = created.json() as { id: string };
    // its stages walked elsewhere (selections.e2e); here only where it ends: 表彰 done
    await server.t.sys.db.updateTable('campaigns').set({ stage: 'awarded', publicity_from: '2026-05-01', publicity_to: '2026-05-07', awarded_on: '2026-05-20' }).where('id', '=', awarded.id).execute();
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await phone.goto(`${server.url}/p/`);
    await phone.waitForFunction(() => document.title !== '' && document.querySelector('h1') !== null);
    expect(await phone.title()).toBe('群团公众服务');
    await phone.goto(`${server.url}/p/campaigns/${awarded!.id}/results`);
    await phone.getByTestId('results-no-votes').waitFor();
    const text = (await phone.getByTestId('results-no-votes').textContent()) ?? '';
    expect(text).not.toContain('票数将在投票结束后公布');
    expect(text).toContain('未设网上投票');
    expect(await phone.title()).toBe('评选结果 · 群团公众服务');
    expect(await noOverflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'issue12-p-results-awarded-390');
    await phone.close();
  });

  it.each([
    [1366, 768],
    [390, 844],
  ])('shows import batches by a readable number (导入批次 2026-0001), not a UUID (%i px)', async (width, height) => {
    const token = await apiToken(server, 'fl');
    const org = await server.t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'LD-FL').executeTakeFirstOrThrow();
    const sheet = await sheetBuffer([['帮扶救助台账'], ['姓名', '身份证号', '帮扶项目', '金额', '日期'], ['郑淑芬', buildIdNumber({ gender: '女', birthDate: '1975-04-02' }), '送温暖', 300 + width, '2026-03-02']], { textColumns: [2] });
    const body = multipartBody(sheet, `songwennuan-${width}.xlsx`) // the fixture percent-encodes a Chinese name, a browser does not;
    const res = await server.t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${org.id}`, payload: body.payload, headers: { authorization: `Bearer ${token}`, ...body.headers } });
    expect(res.statusCode, res.body).toBe(200);
    const number = (res.json() as { batchNumber: string }).batchNumber;
    expect(number).toMatch(/^2026-\d{4}$/);
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    await signIn(page, server, 'fl');
    await page.goto(`${server.url}/imports/batches`);
    const row = page.getByTestId('import-batches-table').locator('tr').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain('帮扶');
    expect(await page.getByTestId('import-batches-table').textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await screenshot(page, `issue12-import-batches-${width}`);
    await page.close();
  });

  it('offers the report as 下载纯文本稿, not 下载 Markdown (1366 px)', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'fl');
    await page.goto(`${server.url}/reports`);
    const md = page.getByTestId('report-md');
    await md.waitFor();
    expect((await md.textContent())?.replace(/\s/g, '')).toBe('下载纯文本稿');
    expect(await page.locator('body').textContent()).not.toContain('Markdown');
    await screenshot(page, 'issue12-reports-1366');
    await page.close();
  });
});
