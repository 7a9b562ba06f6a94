import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogSmsSender } from '../src/server/modules/otp/sms';
import { noticeSmsSender } from '../src/server/modules/notices/notices.routes';
import { buildUnit } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { artifactsDir, launchBrowser, screenshot } from './browser';
import { apiToken, closeDemo, type DemoServer, openDemo, signIn } from './server';

// 通知公告 in a county set up from scratch (not the demo): the county 妇联 clerk writes a notice to the
// three township 妇联, two township clerks sign it (one on a phone), 一键催办 reaches the third (in its
// list and by SMS), and the sender's table shows who read and signed when; it prints with that table.
const county = { name: '柳河县', division: '220524', prefix: 'LH' };
const towns = ['红石镇妇联', '安口镇妇联', '向阳乡妇联'];
let t: TestApp;
let url: string;
let browser: Browser;
const clerk = { username: 'lh-fl', password: '', name: '孙玉华' };
const townClerks = towns.map((_, i) => ({ username: `lh-town${i + 1}`, password: '', name: ['王春燕', '刘桂芝', '赵淑琴'][i] }));
const outsider = { username: 'lh-other', password: '' };
const thirdPhone = '13904350003';
let noticeId = '';

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.userWith('sysadmin', null, 'lh-admin');
  const setup = await t.app.inject({
    method: 'POST', url: '/api/v1/setup', headers: admin.headers,
    payload: { countyName: county.name, divisionCode: county.division, codePrefix: county.prefix, bodies: ['union', 'womens_federation'] },
  });
  if (setup.statusCode !== 201) throw new Error(setup.body);
  const orgs = (await t.app.inject({ url: `/api/v1/orgs?q=${county.prefix}-FL`, headers: admin.headers })).json() as { items: { id: string; code: string }[] };
  const fl = orgs.items.find((o) => o.code === `${county.prefix}-FL`);
  if (!fl) throw new Error(`no ${county.prefix}-FL in ${JSON.stringify(orgs)}`);
  const named = async (role: 'staff', orgId: string, who: { username: string; password: string; name?: string }) => {
    const u = await t.userWith(role, orgId, who.username);
    who.password = u.password;
    if (who.name) await t.sys.db.updateTable('users').set({ display_name: who.name }).where('id', '=', u.id).execute();
    return u;
  };
  await named('staff', fl.id, clerk);
  for (const [i, name] of towns.entries()) {
    const town = await buildUnit(t.sys, { code: `${county.prefix}-FL-T0${i + 1}`, name, kind: 'womens_federation', level: 'township', parentId: fl.id });
    await buildUnit(t.sys, { code: `${county.prefix}-FL-T0${i + 1}-V01`, name: `${name.slice(0, 3)}一村妇联`, kind: 'womens_branch', level: 'village', parentId: town.id });
    const u = await named('staff', town.id, townClerks[i]);
    // the third township's clerk gave a phone for reminders
    if (i === 2) await t.sys.db.insertInto('user_notify_settings').values({ user_id: u.id, phone_cipher: t.crypto.encrypt(thirdPhone), phone_masked: '139****0003', digest_enabled: 1, updated_at: new Date().toISOString() }).execute();
  }
  const elsewhere = await buildUnit(t.sys, { code: 'QX-FL', name: '青溪县妇联', kind: 'womens_federation', level: 'county' });
  await named('staff', elsewhere.id, outsider);

  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(who: { username: string; password: string }, phone = false): Promise<Page> {
  const page = await browser.newPage(phone ? { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await page.addInitScript(() => {
    const w = window as unknown as { print: () => void; printCalls: number };
    w.printCalls = 0;
    w.print = () => {
      w.printCalls += 1;
    };
  });
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
const rowOf = (page: Page, unit: string) => page.getByTestId('notice-tracking-row').filter({ hasText: unit });

describe('通知公告 in a county set up from scratch', () => {
  it('the county 妇联 clerk writes a notice to the township 妇联 and publishes it', async () => {
    const page = await open(clerk);
    await page.getByRole('menuitem', { name: '通知公告' }).click();
    await page.getByTestId('notice-compose').click();
    await page.getByTestId('notice-title').fill('关于开展“三八”维权周宣传活动的通知');
    const editor = page.getByTestId('notice-body-editor');
    await editor.click();
    await page.keyboard.type('各乡镇妇联：');
    await page.keyboard.press('Enter');
    await page.keyboard.type('请于3月8日前组织一次普法宣传，');
    await page.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('签收后报送活动照片');
    await page.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('。');
    await page.getByTestId('notice-recipient-mode').getByText('指定类型的下级单位').click();
    await page.getByTestId('notice-recipient-kinds').getByText('妇联', { exact: true }).click();
    await page.getByTestId('notice-deadline').click();
    await page.keyboard.type('2026-06-20');
    await page.keyboard.press('Enter');
    await screenshot(page, 'notices-compose-1366');
    await page.getByTestId('notice-publish').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '发布' }).click();
    await page.getByTestId('notice-tracking').waitFor();
    noticeId = page.url().split('/notices/')[1];
    expect(noticeId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('notice-tracking-row').count()).toBe(3);
    // the body kept its paragraphs and bold, nothing else
    expect(await page.getByTestId('notice-body').innerHTML()).toBe('<p>各乡镇妇联：</p><p>请于3月8日前组织一次普法宣传，<strong>签收后报送活动照片</strong>。</p>');
    for (const town of towns) expect(await rowOf(page, town).innerText()).toContain('未读');
    expect(await page.locator('.ant-descriptions').innerText()).toContain('需签收，截止 2026年6月20日');
    await page.close();

    // the compose page on a phone: the toolbar, choices and buttons fit
    const phone = await open(clerk, true);
    await phone.goto(`${url}/notices/new`);
    await phone.getByTestId('notice-body-editor').waitFor();
    await phone.getByTestId('notice-recipient-mode').getByText('指定单位').click();
    await phone.getByTestId('notice-recipient-units').click();
    await phone.locator('.ant-select-dropdown:visible').getByText(towns[0], { exact: true }).click();
    await phone.keyboard.press('Escape');
    await fitsPhone(phone);
    await screenshot(phone, 'notices-compose-390');
    await phone.close();
  });

  it('two township clerks sign it (one on a phone); the third has not', async () => {
    const first = await open(townClerks[0]);
    await first.goto(`${url}/notices`);
    const item = first.getByTestId('notices-received').locator('.ant-table-row').filter({ hasText: '三八' });
    expect(await item.innerText()).toContain('未读');
    await item.getByRole('link').click();
    await first.getByTestId('notice-sign').click();
    await first.getByTestId('notice-mine').getByText('已签收').waitFor();
    expect(await first.getByTestId('notice-mine').innerText()).toContain(townClerks[0].name);
    // a township does not see the other townships' receipts
    expect(await first.getByTestId('notice-tracking').count()).toBe(0);
    expect(await first.locator('body').innerText()).not.toContain(towns[1]);
    await first.close();

    const second = await open(townClerks[1], true);
    await second.goto(`${url}/notices`);
    await second.getByTestId('notice-item').filter({ hasText: '三八' }).click();
    await second.getByTestId('notice-sign').waitFor();
    await fitsPhone(second);
    await screenshot(second, 'notices-detail-recipient-390');
    await second.getByTestId('notice-sign').click();
    await second.getByTestId('notice-mine').getByText('已签收').waitFor();
    await second.close();
  });

  it('一键催办 reaches the third township in its list and by SMS; the sender’s table shows it', async () => {
    const page = await open(clerk);
    await page.goto(`${url}/notices/${noticeId}`);
    await expect.poll(async () => rowOf(page, towns[0]).innerText()).toContain('已签收');
    expect(await rowOf(page, towns[0]).innerText()).toContain(townClerks[0].name);
    expect(await rowOf(page, towns[1]).innerText()).toContain(townClerks[1].name);
    expect(await rowOf(page, towns[2]).innerText()).toContain('未读');
    await page.getByTestId('notice-remind').click();
    await page.getByText('已催办 1 个单位，短信 1 条').waitFor();
    await expect.poll(async () => rowOf(page, towns[2]).innerText()).toContain('已催办');
    // once an hour: the button waits, and says until when
    await expect.poll(() => page.getByTestId('notice-remind').isDisabled()).toBe(true);
    expect(await page.getByTestId('notice-remind-hint').innerText()).toMatch(/上次催办 2026年6月15日 \d\d:\d\d，2026年6月15日 \d\d:\d\d 后可再次催办/);
    const sms = noticeSmsSender(t.app) as LogSmsSender;
    expect(sms.lastText(thirdPhone)).toBe('柳河县妇联通知《关于开展“三八”维权周宣传活动的通知》贵单位尚未签收，签收截止 2026年6月20日，请登录群团工作平台办理。');

    const third = await open(townClerks[2], true);
    await third.goto(`${url}/notices`);
    const item = third.getByTestId('notice-item').filter({ hasText: '三八' });
    expect(await item.innerText()).toContain('已催办');
    await fitsPhone(third);
    await screenshot(third, 'notices-list-recipient-390');
    await item.click();
    await third.getByTestId('notice-sign').waitFor();
    await third.close();

    await page.reload();
    await expect.poll(async () => rowOf(page, towns[2]).innerText()).toContain('已读');
    const table = await page.getByTestId('notice-tracking').innerText();
    expect(table).toMatch(/已签收\s*2/);
    expect(await rowOf(page, towns[2]).innerText()).toContain(townClerks[2].name);
    await screenshot(page, 'notices-tracking-1366');

    // 打印: the notice with its 签收 table, no navigation
    await page.getByTestId('notice-print').click();
    await page.getByTestId('print-sheet').waitFor({ state: 'attached' });
    mkdirSync(artifactsDir, { recursive: true });
    const pdf = join(artifactsDir, 'notices-print.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const paper = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const text of ['关于开展“三八”维权周宣传活动的通知', '柳河县妇联', '签收情况', towns[0], townClerks[0].name, towns[2], '已读', '签收后报送活动照片'])
      expect(paper, text).toContain(text.replace(/\s+/g, ''));
    expect(paper).not.toContain('一键催办');
    await page.close();

    const phone = await open(clerk, true);
    await phone.goto(`${url}/notices/${noticeId}`);
    await phone.getByTestId('notice-tracking').waitFor();
    await fitsPhone(phone);
    await screenshot(phone, 'notices-tracking-390');
    await phone.goto(`${url}/notices?tab=sent`);
    await phone.getByTestId('notice-item').first().waitFor();
    expect(await phone.getByTestId('notice-item').first().innerText()).toContain('已签收 2/3');
    await fitsPhone(phone);
    await screenshot(phone, 'notices-sent-390');
    await phone.close();
  });

  it('is not there for a clerk of another county', async () => {
    const page = await open(outsider);
    await page.goto(`${url}/notices`);
    await page.getByText('暂无通知').waitFor();
    await page.goto(`${url}/notices/${noticeId}`);
    await page.getByText('不存在或无权访问').first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('三八');
    await page.close();
  });
});

describe('通知公告 in the demo county', () => {
  let demo: DemoServer | undefined;
  let demoBrowser: Browser | undefined;
  beforeAll(async () => {
    ({ server: demo, browser: demoBrowser } = await openDemo());
  }, 300_000);
  afterAll(() => closeDemo(demo, demoBrowser));

  it('the county 妇联 reaches its eight township 妇联; 花园镇 signs on a phone and the county sees it', async () => {
    const server = demo as DemoServer;
    const token = await apiToken(server, 'fl');
    const send = async (path: string, payload?: object) => {
      const res = await server.t.app.inject({ method: 'POST', url: `/api/v1${path}`, headers: { authorization: `Bearer ${token}` }, payload: payload ?? {} });
      if (res.statusCode >= 300) throw new Error(`${path} → ${res.statusCode} ${res.body}`);
      return res.json() as { id: string; counts: { total: number } | null };
    };
    const draft = await send('/notices', { title: '关于报送上半年工作总结的通知', bodyHtml: '<p>各乡镇妇联：请于6月30日前报送上半年工作总结。</p>', recipientMode: 'kinds', recipientKinds: ['womens_federation'], deadline: '2026-06-30' });
    const published = await send(`/notices/${draft.id}/publish`);
    expect(published.counts?.total).toBe(8);

    const phone = await (demoBrowser as Browser).newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await signIn(phone, server, 'hy-fl');
    await phone.goto(`${server.url}/notices`);
    await phone.getByTestId('notice-item').filter({ hasText: '上半年工作总结' }).click();
    await phone.getByTestId('notice-sign').click();
    await phone.getByTestId('notice-mine').getByText('已签收').waitFor();
    await fitsPhone(phone);
    await screenshot(phone, 'notices-demo-signed-390');
    await phone.close();

    const page = await (demoBrowser as Browser).newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'fl');
    await page.goto(`${server.url}/notices/${draft.id}`);
    await expect.poll(async () => rowOf(page, '花园镇妇联').innerText()).toContain('已签收');
    expect(await page.getByTestId('notice-tracking-row').count()).toBe(8);
    await screenshot(page, 'notices-demo-tracking-1366');
    await page.close();
  });
});
