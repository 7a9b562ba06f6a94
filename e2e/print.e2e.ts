import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let unitName = '';

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

  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function logIn(page: Page) {
  // window.print opens the browser's dialog: here it only counts, and the sheet stays for page.pdf
  await page.addInitScript(() => {
    const w = window as unknown as { print: () => void; printCalls: number };
    w.printCalls = 0;
    w.print = () => {
      w.printCalls += 1;
    };
  });
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(worker.username);
  await page.getByTestId('login-password').fill(worker.password);
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
  it('prints a case 登记表 and 办理单 with every field, the timeline and lines to sign, without the navigation', async () => {
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
});
