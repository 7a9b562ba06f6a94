import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { artifactsDir, launchBrowser, screenshot } from './browser';

// A county set up from scratch (not the demo): its 妇联 case worker registers a case, accepts it, and
// prints the 登记表 and the 办理单 through Chromium's PDF output; pdftotext reads the paper back.
const county = { name: '石桥县', division: '130127', prefix: 'SQ' };
let t: TestApp;
let url: string;
let browser: Browser;
let caseId = '';
const worker = { username: 'sq-xf', password: '', name: '周红梅' };
const clerk = { username: 'sq-fl', password: '', name: '李秀云' };
let unitName = '';
let campaignId = '';
const activityCount = 36;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.userWith('sysadmin', null, 'sq-admin');
  const setup = await t.app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    headers: admin.headers,
    payload: { countyName: county.name, divisionCode: county.division, codePrefix: county.prefix, bodies: ['union', 'womens_federation'] },
  });
  if (setup.statusCode !== 201) throw new Error(setup.body);
  const orgs = (await t.app.inject({ url: `/api/v1/orgs?q=${county.prefix}-FL`, headers: admin.headers })).json() as { items: { id: string; name: string; code: string }[] };
  const fl = orgs.items.find((o) => o.code === `${county.prefix}-FL`);
  if (!fl) throw new Error(`no ${county.prefix}-FL in ${JSON.stringify(orgs)}`);
  unitName = fl.name;
  const u = await t.userWith('case_worker', fl.id, worker.username);
  worker.password = u.password;
  await t.sys.db.updateTable('users').set({ display_name: worker.name }).where('id', '=', u.id).execute();

  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: u.headers,
    payload: {
      kind: '纠纷调解',
      subkind: '婆媳',
      channel: '来电',
      summary: '当事人反映与婆婆因赡养费分担长期争执，请求妇联出面调解。',
      parties: [
        { role: '申请人', name: '孟庆芳' },
        { role: '被申请人', name: '赵桂兰' },
      ],
    },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  caseId = (created.json() as { id: string }).id;
  const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/transitions`, headers: u.headers, payload: { action: 'accept', note: '电话核实情况属实' } });
  if (accepted.statusCode >= 300) throw new Error(accepted.body);

  // the 妇联 clerk's ledger: more activities than one page of the list holds
  const staff = await t.userWith('staff', fl.id, clerk.username);
  clerk.password = staff.password;
  await t.sys.db.updateTable('users').set({ display_name: clerk.name }).where('id', '=', staff.id).execute();
  for (let i = 1; i <= activityCount; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: staff.headers,
      payload: { name: `巾帼讲堂第${i}期`, type: i % 3 === 0 ? '宣讲' : '培训', startOn: `2026-0${1 + (i % 5)}-1${i % 10}`, participants: 20 + i, orgId: fl.id },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  // a selection in 公示: two 巾帼文明岗 recommended by a township, accepted, in publicity
  const town = await buildUnit(t.sys, { code: `${county.prefix}-FL-T01`, name: '东关镇妇联', kind: 'womens_federation', parentId: fl.id });
  const posts = [];
  for (const name of ['东关镇卫生院护理组', '东关镇供销社门市部']) posts.push(await buildUnit(t.sys, { name, kind: 'other', parentId: town.id }));
  const send = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: staff.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  campaignId = (
    await send('/api/v1/campaigns', {
      name: '巾帼文明岗评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', votingEnabled: false, juryEnabled: false, quotas: [{ orgId: town.id, quota: 2 }], winnersCount: 2,
    })
  ).id;
  const nominations = [];
  for (const [i, post] of posts.entries()) nominations.push(await send(`/api/v1/campaigns/${campaignId}/nominations`, { nominatingOrgId: town.id, unitId: post.id, deeds: `第${i + 1}个岗位的先进事迹：优质服务，群众满意。` }));
  await send(`/api/v1/campaigns/${campaignId}/advance`, { to: 'review' });
  for (const n of nominations) await send(`/api/v1/campaigns/${campaignId}/nominations/${n.id}/review`, { decision: 'accept' });
  await send(`/api/v1/campaigns/${campaignId}/advance`, { to: 'publicity' });

  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function logIn(page: Page, who: { username: string; password: string } = worker) {
  // window.print opens the browser's dialog: here it only counts, and the sheet stays for page.pdf
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
}

/** Prints through Chromium's PDF output, keeps the PDF and page 1 as PNG, and returns pdftotext's text. */
async function printed(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const pdf = join(artifactsDir, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(artifactsDir, name)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

describe('printing in a county set up from scratch', () => {
  it('prints a case 登记表 and 办理单 with every field, the timeline and lines to sign, without the navigation', { timeout: 300_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await logIn(page);
    await page.goto(`${url}/cases/${caseId}`);
    await page.getByTestId('print-case-register').waitFor();
    await screenshot(page, 'print-case-1366');
    // on screen the sheet is not there until 打印 is clicked
    expect(await page.getByTestId('print-sheet').count()).toBe(0);

    await page.getByTestId('print-case-register').click();
    await page.getByTestId('print-sheet').waitFor({ state: 'attached' });
    await page.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls === 1);
    const register = await printed(page, 'print-case-register');
    const flat = register.replace(/\s+/g, '');
    for (const text of [
      '个案登记表',
      unitName,
      '纠纷调解·婆媳',
      '来电',
      '2026年6月15日登记',
      '登记人',
      worker.name,
      '申请人：孟庆芳',
      '被申请人：赵桂兰',
      '当事人反映与婆婆因赡养费分担长期争执，请求妇联出面调解。',
      '保密个案否',
      '当前状态受理',
      '2026年6月30日前', // 受理时限: 15 days
      '打印日期：2026年6月15日',
      '登记人（签字）',
      '负责人（签字）',
      '第1页，共1页',
    ])
      expect(flat, text).toContain(text.replace(/\s+/g, ''));
    // no navigation chrome on paper
    for (const text of ['群团工作平台', '退出', '个案收件箱', '打印办理单', '修改登记信息']) expect(flat, text).not.toContain(text);

    // the sheet leaves with the print dialog (afterprint), the 办理单 carries the timeline
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.getByTestId('print-sheet').waitFor({ state: 'detached' });
    await page.getByTestId('print-case-handling').click();
    await page.getByTestId('print-sheet').waitFor({ state: 'attached' });
    const handling = (await printed(page, 'print-case-handling')).replace(/\s+/g, '');
    for (const text of ['个案办理单', '三、办理过程', '登记', '受理', '登记→受理', '电话核实情况属实', '来源：来电', worker.name, '回访记录', '尚无回访记录', '经办人（签字）', '负责人（签字）'])
      expect(handling, text).toContain(text);
    expect(handling).not.toContain('群团工作平台');

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await logIn(phone);
    await phone.goto(`${url}/cases/${caseId}`);
    await phone.getByTestId('print-case-register').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await screenshot(phone, 'print-case-390');
  });

  it('prints a ledger list with every record under its filters (not only the page on screen), the dashboard, and the 公示名单', { timeout: 300_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await logIn(page, clerk);
    await page.goto(`${url}/activities?type=${encodeURIComponent('培训')}`);
    await page.getByTestId('activities-print').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    const onScreen = await page.locator('.ant-table-row').count();
    const trainings = Array.from({ length: activityCount }, (_, k) => k + 1).filter((i) => i % 3 !== 0);
    expect(onScreen).toBeLessThan(trainings.length);
    await page.getByTestId('activities-print').click();
    await page.getByTestId('print-sheet').waitFor({ state: 'attached' });
    const list = (await printed(page, 'print-activities')).replace(/\s+/g, '');
    for (const text of ['活动台账', unitName, '期间：2026年1月1日至2026年12月31日', '类型：培训', `共${trainings.length}条`, '活动名称', '参与人次', '第1页，共'])
      expect(list, text).toContain(text);
    for (const i of trainings) expect(list, `第${i}期`).toContain(`巾帼讲堂第${i}期`);
    expect(list).not.toContain('巾帼讲堂第3期');
    expect(list).not.toContain('导出Excel');

    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.goto(`${url}/dashboard`);
    await page.getByTestId('dashboard-print').waitFor();
    await page.getByTestId('dashboard-print').click();
    await page.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls === 1);
    const dashboard = (await printed(page, 'print-dashboard')).replace(/\s+/g, '');
    for (const text of ['2026年领导驾驶舱', unitName, '序时进度', '打印日期：2026年6月15日', '第1页，共']) expect(dashboard, text).toContain(text);
    for (const text of ['群团工作平台', '退出', '活动台账']) expect(dashboard, text).not.toContain(text);

    await page.goto(`${url}/campaigns/${campaignId}`);
    await page.getByTestId('print-publicity').click();
    await page.getByTestId('print-sheet').waitFor({ state: 'attached' });
    const publicity = (await printed(page, 'print-publicity')).replace(/\s+/g, '');
    for (const text of ['2026年度巾帼文明岗评选公示名单', unitName, '公示期：2026年6月15日至', '东关镇卫生院护理组', '东关镇供销社门市部', '东关镇妇联', '第1个岗位的先进事迹', '（盖章）'])
      expect(publicity, text).toContain(text);
    // chosen on review alone: no score to print
    expect(publicity).not.toContain('最终得分');
  });
});
