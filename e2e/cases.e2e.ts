import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser';
import { apiToken, closeDemo, type DemoServer, openDemo, signIn } from './server';

/**
 * A case through every step in the web: 县妇联信访代理 (xf-fl) registers, accepts, assigns and
 * transfers it to 县总工会维权岗 (wq-zgh), who accepts, assigns, closes, visits, archives and reopens;
 * then the inbox on a 390-px phone, with an overdue case after the clock moves.
 */
let server: DemoServer;
let browser: Browser;
let caseId = '';
const day = 86_400_000;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function logIn(page: Page, username: string) {
  await signIn(page, server, username, 'nav-people');
}

/**
 * Picks an option of an antd Select by its visible text. A click that lands while the dropdown is
 * still sliding open can be lost, so the pick is checked on the select and tried again if needed.
 */
async function pick(page: Page, testId: string, text: string) {
  const select = page.getByTestId(testId);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    await page.locator('.ant-select-dropdown:visible').last().locator('.ant-select-item-option').filter({ hasText: text }).first().click();
    const taken = await expect
      .poll(async () => (await select.textContent()) ?? '', { timeout: 3_000 })
      .toContain(text)
      .then(() => true, () => false);
    if (taken) return;
  }
  throw new Error(`${testId}: could not pick ${text}`);
}

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('case-status').first().textContent()) ?? '';
}

/** Opens a step's form, fills it, submits, and waits for the case to reach `to`. */
async function step(page: Page, action: string, to: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('modal-submit').waitFor();
  if (fill) await fill();
  await page.getByTestId('modal-submit').click();
  await page.locator('.ant-modal:visible').waitFor({ state: 'detached', timeout: 15_000 }).catch(async () => {
    // say why the dialog stayed open: the form's or the server's message
    const shown = await page.locator('.ant-form-item-explain-error, .ant-message-notice').allTextContents();
    await screenshot(page, `case-step-${action}-failed`);
    throw new Error(`${action}: the dialog stayed open (${shown.join('；') || 'no message'})`);
  });
  await page.waitForFunction((s) => document.querySelector('[data-testid="case-status"]')?.textContent === s, to);
  expect(await status(page)).toBe(to);
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('cases in Chromium', () => {
  it('goes through every step in the web with the whole timeline (1366×768)', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await logIn(page, 'xf-fl');
    await page.goto(`${server.url}/cases`);
    await page.getByTestId('case-new').click();
    await pick(page, 'case-kind', '劳动争议');
    await page.getByTestId('case-summary').fill('女职工反映某服装厂拖欠三个月工资');
    await page.getByTestId('party-add').click();
    await page.getByTestId('party-name').fill('刘秀云');
    await page.getByTestId('case-submit').click();
    // from /cases/new to the new case's own page
    await page.waitForURL((u) => /^\/cases\/[^/]+$/.test(u.pathname) && u.pathname !== '/cases/new');
    caseId = page.url().split('/').pop() as string;
    expect(await status(page)).toBe('登记');
    expect(await page.getByTestId('case-parties').textContent()).toContain('当事人：刘秀云');
    // correct the registration, and keep the wage slip as an attachment
    await page.getByTestId('case-edit').click();
    await page.getByTestId('case-summary').fill('女职工反映某服装厂拖欠三个月工资，共计一万二千元');
    await page.getByTestId('modal-submit').click();
    await page.getByTestId('case-summary-text').getByText('共计一万二千元').waitFor();
    await page.getByTestId('case-attachments').locator('input[type=file]').setInputFiles({ name: '工资条.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('case-attachment-item').getByText('工资条.png').waitFor();

    await step(page, 'accept', '受理');
    await step(page, 'assign', '办理', () => pick(page, 'action-handler', '县妇联信访代理'));
    await step(page, 'transfer', '转办中', async () => {
      await pick(page, 'action-to-org', '林甸县总工会');
      await page.getByTestId('action-note').fill('属职工劳动争议，转县总工会维权岗');
    });
    // the sending unit cannot accept its own transfer: the server's message is shown, nothing changes
    await page.getByTestId('action-accept_transfer').click();
    await page.getByTestId('modal-submit').click();
    await page.locator('.ant-message').getByText('转办须由接收单位决定是否接收').waitFor();
    await page.locator('.ant-modal:visible').getByRole('button', { name: /取\s*消/ }).click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    expect(await status(page)).toBe('转办中');
    await screenshot(page, 'case-transfer-pending-1366');
    await page.close();

    const other = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await logIn(other, 'wq-zgh');
    await other.goto(`${server.url}/cases/${caseId}`);
    await other.getByTestId('case-actions').waitFor();
    await step(other, 'accept_transfer', '受理');
    await step(other, 'assign', '办理', () => pick(other, 'action-handler', '县总工会维权岗'));
    await step(other, 'close', '办结', async () => {
      await pick(other, 'action-outcome', '化解');
      await other.getByTestId('action-outcome-text').fill('经协调，服装厂已补发全部工资');
    });
    await step(other, 'followup', '回访', async () => {
      await pick(other, 'action-method', '电话');
      await other.getByTestId('action-note').fill('工资已到账，当事人满意');
    });
    await step(other, 'archive', '归档');
    await step(other, 'reopen', '办理', () => other.getByTestId('action-reason').fill('当事人反映仍有一个月加班费未付'));

    const entries = other.getByTestId('timeline-entry');
    const texts = await entries.allTextContents();
    const steps = ['登记', '修改登记信息', '受理', '指派承办人', '转办', '接收转办', '指派承办人', '办结', '回访', '归档', '重新办理'];
    expect(texts.length).toBe(steps.length);
    steps.forEach((s, i) => expect(texts[i].startsWith(s), `${i}: ${texts[i]}`).toBe(true));
    expect(texts[1]).toContain('修改了案情摘要');
    expect(texts[1]).not.toContain('当事人');
    expect(texts[4]).toContain('转往林甸县总工会');
    expect(texts[7]).toContain('经协调，服装厂已补发全部工资');
    expect(texts[10]).toContain('仍有一个月加班费未付');
    expect(await other.getByTestId('case-followup').count()).toBe(1);
    expect(await other.getByTestId('case-attachment-item').count()).toBe(1);
    await screenshot(other, 'case-timeline-1366');

    // 县总工会 accepted the case: it is in that unit's inbox now, among the cases wq-zgh handles
    await other.goto(`${server.url}/cases?status=${encodeURIComponent('办理')}`);
    await other.getByTestId('case-table').locator(`a[href="/cases/${caseId}"]`).waitFor();
    await other.getByTestId('filter-mine').click();
    await other.waitForURL(/mine=true/);
    await other.getByTestId('case-table').locator(`a[href="/cases/${caseId}"]`).waitFor();
    // the demo county has cases of its own: the list shows exactly what the API counts as wq-zgh's
    const zgh = await apiToken(server, 'wq-zgh');
    const mine = await server.t.app.inject({ url: `/api/v1/cases?status=${encodeURIComponent('办理')}&mine=true&pageSize=100`, headers: { authorization: `Bearer ${zgh}` } });
    const listed = new Set(await other.getByTestId('case-table').locator('a[href^="/cases/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    expect(listed).toEqual(new Set((mine.json().items as { id: string }[]).map((c) => `/cases/${c.id}`)));
    expect(listed.has(`/cases/${caseId}`)).toBe(true);
    await other.close();
  });

  it('shows the inbox as cards on a 390-px phone, overdue cases in red, step buttons in reach, the register form and 不予受理, nothing overflowing', async () => {
    // a petition registered today is overdue for acceptance after 16 days (15-day limit)
    const headers = { authorization: `Bearer ${await apiToken(server, 'xf-fl')}` };
    const created = await server.t.app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: { kind: '信访', channel: '来电', summary: '反映村里土地流转款分配不公，一直未得到答复', parties: [{ name: '孙桂芝', role: '申请人' }] } });
    expect(created.statusCode).toBe(201);
    server.t.clock.advance(16 * day);

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await logIn(page, 'xf-fl');
    await page.goto(`${server.url}/cases`);
    await page.getByTestId('case-card').first().waitFor();
    expect(await page.getByTestId('case-table').count()).toBe(0);
    // the case registered 16 days ago is overdue, and the 超期 count is the server's
    const fresh = page.locator(`a[href="/cases/${created.json().id as string}"][data-testid="case-card"]`);
    expect(await fresh.getByTestId('deadline-overdue').count()).toBe(1);
    const summary = await server.t.app.inject({ url: '/api/v1/cases/facets', headers: { authorization: `Bearer ${await apiToken(server, 'xf-fl')}` } });
    const overdue = summary.json().overdue as number;
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('filter-overdue').textContent()).toBe(`超期 ${overdue}`);
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'case-inbox-390');

    await page.getByTestId('filter-overdue').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-card"]').length === n, Math.min(overdue, 20));
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    await fresh.click();
    await page.getByTestId('case-actions').waitFor();
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    for (const action of ['accept', 'reject']) {
      const button = page.getByTestId(`action-${action}`);
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, action).toBe(true);
    }
    await screenshot(page, 'case-detail-390');
    await step(page, 'accept', '受理');
    expect(await page.getByTestId('case-timeline').getByTestId('timeline-entry').count()).toBe(2);
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    // the register form on the phone, with a child's risk level and two parties
    await page.goto(`${server.url}/cases/new`);
    await pick(page, 'case-kind', '困境儿童');
    await page.getByTestId('case-risk').getByText('高').click();
    await page.getByTestId('party-add').click();
    await page.getByTestId('party-add').click();
    expect(await page.getByTestId('party-row').count()).toBe(2);
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'case-register-390');
    await page.getByTestId('case-summary').fill('排查发现：父母离异后均未履行监护职责，由年迈祖母照料');
    const names = page.getByTestId('party-name');
    await names.nth(0).fill('王小明');
    await names.nth(1).fill('王秀兰');
    await page.getByTestId('case-submit').click();
    await page.getByTestId('case-actions').waitFor();
    // a step refused by the user: 不予受理 with its reason, after which the registration is frozen
    await step(page, 'reject', '不予受理', () => page.getByTestId('action-reason').fill('已由民政部门立案跟进，不属本单位受理范围'));
    expect(await page.getByTestId('case-actions').count()).toBe(0);
    expect(await page.getByTestId('case-edit').count()).toBe(0);
    expect(await page.getByTestId('case-basics').textContent()).toContain('已由民政部门立案跟进');
    expect(await noOverflow(page)).toBeLessThanOrEqual(1);
    await page.close();
  });
});
