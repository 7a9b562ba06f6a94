import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { lastOtpCode } from '../src/server/modules/otp/otp.routes';
import { pickTreeNode, screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

/**
 * A selection end to end in Chromium, every step on a 390×844 phone: the county women's federation
 * creates it, 花园镇 nominates two units within its quota (and a third, withdrawn with a reason), the county reviews (one refused with a reason,
 * then reinstated), the public votes with a one-time code read from the log sender, the jury scores,
 * 公示 with an objection from a verified phone answered (the objector reads the answer on /p/my-objections), award; the winner holds the designation. At each organizer page
 * nothing overflows sideways and the action buttons are on screen and not covered. Then the same
 * campaign once at desktop size (tables, not cards).
 */
const phoneSize = { width: 390, height: 844 };
let server: DemoServer;
let browser: Browser;
beforeAll(async () => {
  ({ server, browser } = await openDemo());
  // A fixed day in the campaign's year, whatever the day the suite runs. The browsers keep their own
  // clocks: the pages take the time from the server (web/shared/clock.ts).
  server.t.clock.set('2026-10-20T02:00:00.000Z');
});
afterAll(() => closeDemo(server, browser));

async function login(username: string, desktop = false): Promise<Page> {
  const options = desktop ? { viewport: { width: 1366, height: 768 } } : { viewport: phoneSize, isMobile: true, hasTouch: true };
  const page = await (await browser.newContext({ ...options, locale: 'zh-CN' })).newPage();
  await signIn(page, server, username, 'nav-people');
  return page;
}

async function pickOrg(page: Page, within: ReturnType<Page['locator']>, name: string) {
  await pickTreeNode(page, within.locator('.ant-select'), name);
}

/** Submits a modal's form and waits for it to close; if it stays open, the failure shows what the form says. */
async function submitModal(modal: Locator, button: string) {
  await modal.getByRole('button', { name: button }).click();
  try {
    await modal.waitFor({ state: 'hidden', timeout: 15_000 });
  } catch {
    throw new Error(`the form did not close after 「${button}」: ${(await modal.textContent()) ?? ''}`);
  }
}

/** Nothing wider than the screen, and each button inside it horizontally and not covered (tab bar, header) once scrolled to. */
async function fitsPhone(page: Page, name: string, buttons: Locator[]) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name}: horizontal overflow`).toBeLessThanOrEqual(1);
  for (const button of buttons) {
    await button.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
    const box = await button.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= phoneSize.width, `${name}: ${await button.textContent()} within the screen`).toBe(true);
    const onTop = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit === null || hit === el || el.contains(hit) ? hit !== null : hit.outerHTML.slice(0, 120);
    });
    expect(onTop, `${name}: ${await button.textContent()} not covered`).toBe(true);
  }
  await screenshot(page, `selections-${name}-390`);
}

async function advance(page: Page, label: string) {
  const button = page.getByRole('button', { name: `进入${label}阶段` });
  await fitsPhone(page, `advance-${label}`, [button]);
  // a click on 确定 while the confirmation is still opening can be lost (seen under load): the stage is then
  // unchanged and the button still names it, so the same step is asked again — never the next one
  const confirm = page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确定' });
  const reached = page.locator('.ant-steps-item-process').getByText(label === '表彰' ? '表彰' : label);
  for (let attempt = 1; ; attempt++) {
    if (!(await confirm.isVisible())) await button.click();
    await confirm.click();
    try {
      await reached.waitFor({ timeout: 15_000 });
      return;
    } catch (e) {
      if (attempt === 3 || !(await button.isVisible())) throw e;
    }
  }
}

async function phonePage(): Promise<Page> {
  return (await browser.newContext({ viewport: phoneSize, locale: 'zh-CN', isMobile: true, hasTouch: true })).newPage();
}

const nomination = (page: Page, code: string) => page.getByTestId('nomination').filter({ hasText: new RegExp(`^${code}\\b`) });

describe('a selection in the browser', () => {
  it('runs from nomination to award, with the public vote and 公示 on a phone', async () => {
    const t = server.t;
    const db = t.database.db;
    const town = await db.selectFrom('org_units').select(['id', 'name']).where('code', '=', 'LD-FL-T03').executeTakeFirstOrThrow();
    const units = await db
      .selectFrom('org_closure as c')
      .innerJoin('org_units as o', 'o.id', 'c.descendant_id')
      .select(['o.id', 'o.name'])
      .where('c.ancestor_id', '=', town.id)
      .where('c.depth', '=', 1)
      .orderBy('o.code')
      .limit(3)
      .execute();
    expect(units).toHaveLength(3);

    // 1. the county creates the campaign with a quota for 花园镇, on a phone: list as cards, the form in a dialog that fits
    const fl = await login('fl');
    await fl.getByTestId('nav-toggle').click();
    await fl.getByTestId('nav-campaigns').click();
    await fl.getByTestId('campaign-cards').or(fl.locator('.ant-empty')).first().waitFor();
    // the navigation drawer closes with an animation: its mask must be gone before the buttons are checked
    await fl.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });
    await fitsPhone(fl, 'list', [fl.getByRole('button', { name: '新建评选' })]);
    await fl.getByRole('button', { name: '新建评选' }).click();
    const modal = fl.locator('.ant-modal');
    await modal.getByLabel('评选名称').fill('2026年度林甸县巾帼文明岗评选');
    await modal.getByLabel('评选类别').fill('巾帼文明岗');
    await modal.getByLabel('表彰名额').fill('1');
    // the vote closes by itself at 11:30 Beijing time (the server's clock stands at 10:00)
    await modal.getByLabel('投票截止（北京时间）').fill('2026-10-20 11:30');
    await modal.getByLabel('投票截止（北京时间）').press('Enter');
    await pickOrg(fl, modal.locator('.ant-form-item').filter({ hasText: '各推荐单位名额' }), town.name);
    await modal.getByRole('spinbutton').last().waitFor();
    await fitsPhone(fl, 'create', [modal.getByRole('button', { name: '添加推荐单位' }), modal.getByRole('button', { name: '创建' })]);
    await modal.getByRole('button', { name: '创建' }).click();
    await fl.waitForURL(/\/campaigns\/[0-9a-f-]+$/);
    const id = fl.url().split('/').pop() as string;
    await fl.getByText('集体（组织）').first().waitFor();
    await fl.getByTestId('voting-window').getByText('至 2026年10月20日 11:30').waitFor();

    // 2. 花园镇 nominates three units of its own, within its quota of 3, then takes the third back
    const hy = await login('hy-fl');
    await hy.goto(`${server.url}/campaigns/${id}`);
    await hy.getByText(`${town.name} 0/3`).waitFor();
    for (const [i, u] of units.entries()) {
      const nominate = hy.getByRole('button', { name: '提名', exact: true });
      if (i === 0) await fitsPhone(hy, 'nominate', [nominate]);
      await nominate.click();
      const m = hy.locator('.ant-modal');
      await pickOrg(hy, m.locator('.ant-form-item').filter({ hasText: '候选' }), u.name);
      await m.getByLabel('事迹简介').fill(`${u.name}立足岗位、服务群众，全年开展巾帼志愿服务${12 + i}次。`);
      if (i === 0) await fitsPhone(hy, 'nominate-form', [m.getByRole('button', { name: '提交提名' })]);
      await submitModal(m, '提交提名');
      await hy.getByTestId('nomination').nth(i).waitFor();
    }
    await hy.getByText(`${town.name} 3/3`).waitFor();
    // 花园镇 takes the third back (撤回推荐): kept as 已撤回 with its reason, the quota freed
    const withdraw = nomination(hy, '003').getByRole('button', { name: '撤回' });
    await fitsPhone(hy, 'withdraw', [withdraw]);
    await withdraw.click();
    const wm = hy.locator('.ant-modal');
    await wm.getByLabel('撤回理由').fill('该站点负责人岗位调整，材料需重新报送。');
    await fitsPhone(hy, 'withdraw-reason', [wm.getByRole('button', { name: '确定撤回' })]);
    await wm.getByRole('button', { name: '确定撤回' }).click();
    await wm.waitFor({ state: 'hidden' });
    await nomination(hy, '003').locator('.ant-tag', { hasText: '已撤回' }).waitFor();
    await nomination(hy, '003').getByText('撤回理由：该站点负责人岗位调整').waitFor();
    await hy.getByText(`${town.name} 2/3`).waitFor();
    await fitsPhone(hy, 'nominated', []);

    // 3. the county reviews (002 refused with a reason, then reinstated) and opens the vote
    await fl.reload();
    await advance(fl, '审核');
    await fitsPhone(fl, 'review', [nomination(fl, '001').getByRole('button', { name: '通过', exact: true }), nomination(fl, '002').getByRole('button', { name: '不通过' })]);
    await nomination(fl, '001').getByRole('button', { name: '通过', exact: true }).click();
    await nomination(fl, '001').locator('.ant-tag', { hasText: '审核通过' }).waitFor();
    await nomination(fl, '002').getByRole('button', { name: '不通过' }).click();
    const reason = fl.locator('.ant-modal');
    await reason.getByLabel('不通过理由').fill('事迹材料缺少服务台账，请补充后再审。');
    await fitsPhone(fl, 'review-reason', [reason.getByRole('button', { name: '确定不通过' })]);
    await reason.getByRole('button', { name: '确定不通过' }).click();
    await reason.waitFor({ state: 'hidden' });
    await nomination(fl, '002').getByText('事迹材料缺少服务台账').waitFor();
    await fitsPhone(fl, 'reviewed', [nomination(fl, '002').getByRole('button', { name: '通过', exact: true })]);
    await nomination(fl, '002').getByRole('button', { name: '通过', exact: true }).click();
    await nomination(fl, '002').locator('.ant-tag', { hasText: '审核通过' }).waitFor();
    await advance(fl, '投票');

    // 4. the public votes on a phone: verify the phone with the code from the log sender, then vote
    const phone = await phonePage();
    await phone.goto(`${server.url}/p/campaigns/${id}`);
    await phone.getByText('候选集体（组织）（2）').waitFor();
    // the times and a countdown on the server's clock (the browser's own clock is elsewhere under npm test)
    const votingWindow = phone.getByTestId('voting-window');
    await votingWindow.getByText('至 2026年10月20日 11:30（北京时间）').waitFor();
    await votingWindow.getByText(/距投票截止还有 1小时(30|29)分/).waitFor();
    await screenshot(phone, 'selections-public-campaign');
    await phone.locator('a.p-item').first().click();
    await phone.getByLabel('手机号').fill('13912340001');
    await phone.getByRole('button', { name: '获取验证码' }).click();
    await phone.getByText('验证码已发送至 139****0001').waitFor();
    await phone.getByLabel('验证码').fill(lastOtpCode(t.app, '13912340001') as string);
    await phone.getByRole('button', { name: '验证' }).click();
    await phone.getByText(/投票成功/).waitFor();
    await screenshot(phone, 'selections-public-voted');
    const pageText = await phone.locator('body').textContent();
    expect(pageText).not.toContain('13912340001');
    // a second voter, through the same public API
    const send = await t.app.inject({ method: 'POST', url: '/api/public/otp/send', payload: { phone: '13912340002', purpose: 'vote' }, remoteAddress: '10.0.0.2' });
    expect(send.statusCode).toBe(200);
    const ver = await t.app.inject({ method: 'POST', url: '/api/public/otp/verify', payload: { phone: '13912340002', purpose: 'vote', code: lastOtpCode(t.app, '13912340002') }, remoteAddress: '10.0.0.2' });
    const voted = await t.app.inject({ method: 'POST', url: `/api/public/campaigns/${id}/votes`, payload: { nomineeId: '001', token: ver.json().token }, remoteAddress: '10.0.0.2' });
    expect(voted.statusCode).toBe(201);
    await phone.goto(`${server.url}/p/campaigns/${id}/results`);
    await phone.getByText('2 票').waitFor();
    await screenshot(phone, 'selections-public-results');
    // 截止 passes with nobody clicking: the open page's vote is refused, saying when the vote closed
    await phone.goto(`${server.url}/p/campaigns/${id}/nominees/002`);
    const again = phone.getByRole('button', { name: '为 002 号投一票' });
    await again.waitFor();
    t.clock.set('2026-10-20T03:30:30.000Z');
    await again.click();
    await phone.getByRole('alert').getByText('投票已于 2026年10月20日 11:30 截止，不能再投票').waitFor();
    await screenshot(phone, 'selections-public-vote-refused');
    await phone.reload();
    await phone.getByTestId('voting-window').getByText('投票已截止').waitFor();
    await expect(phone.getByRole('button', { name: '为 002 号投一票' }).count()).resolves.toBe(0);
    await screenshot(phone, 'selections-public-closed');

    // 5. vote monitoring, then the jury, scored on the phone
    await fl.reload();
    await fl.getByRole('tab', { name: '投票监测' }).click();
    await fl.getByText('有效票').waitFor();
    await fitsPhone(fl, 'anomalies', []);
    await advance(fl, '评审');
    await fl.getByRole('tab', { name: /提名/ }).click();
    for (const [code, score] of [['001', 90], ['002', 85]] as const) {
      const card = nomination(fl, code);
      await card.getByLabel(`评分 ${code}`).fill(String(score));
      if (code === '001') await fitsPhone(fl, 'jury', [card.getByLabel(`评分 ${code}`), card.getByRole('button', { name: '评分', exact: true })]);
      await card.getByRole('button', { name: '评分', exact: true }).click();
      await fl.getByText('评分已保存').last().waitFor();
    }
    await advance(fl, '公示');
    await nomination(fl, '001').locator('.ant-tag', { hasText: '拟表彰' }).waitFor();
    await fitsPhone(fl, 'publicity', []);

    // 6. 公示 on the phone, with an objection from a verified phone (the code from the log sender)
    await phone.goto(`${server.url}/p/campaigns/${id}`);
    await phone.getByRole('heading', { name: '公示名单' }).waitFor();
    await phone.getByLabel('手机号').fill('13912340003');
    await phone.getByRole('button', { name: '获取验证码' }).click();
    await phone.getByText('验证码已发送至 139****0003').waitFor();
    await phone.getByLabel('验证码').fill(lastOtpCode(t.app, '13912340003') as string);
    await phone.getByRole('button', { name: '验证' }).click();
    await phone.getByText('已验证手机 139****0003').waitFor();
    await phone.getByLabel('姓名（可不填）').fill('李女士');
    await phone.getByLabel('异议内容').fill('该岗位去年曾有群众投诉，请核实处理情况。');
    await phone.getByRole('button', { name: '提交异议' }).click();
    await phone.getByText('异议已收到').waitFor();
    await screenshot(phone, 'selections-public-publicity');
    expect(await phone.locator('body').textContent()).not.toContain('13912340003');
    await phone.getByRole('link', { name: '查看我的异议和答复' }).click();
    await phone.getByTestId('my-objections').getByText('待答复').waitFor();

    // 7. the county answers on the phone, and awards once the publicity period is over
    await fl.reload();
    await fl.getByRole('tab', { name: /公示异议/ }).click();
    const answer = fl.getByRole('button', { name: '答复', exact: true });
    await fitsPhone(fl, 'objections', [answer]);
    await answer.click();
    await fl.locator('.ant-modal').getByLabel('答复').fill('经核实，投诉已于当年妥善解决，不影响本次评选。');
    await fitsPhone(fl, 'objection-answer', [fl.locator('.ant-modal').getByRole('button', { name: '提交答复' })]);
    await fl.locator('.ant-modal').getByRole('button', { name: '提交答复' }).click();
    await fl.locator('.ant-tag', { hasText: '已答复' }).waitFor();
    await fl.getByTestId('objector').getByText('异议人：李女士 · 手机 139****0003（已验证）').waitFor();
    await phone.reload();
    await phone.getByTestId('objection-answer').getByText('经核实，投诉已于当年妥善解决').waitFor();
    await screenshot(phone, 'selections-public-my-objections');
    expect(await phone.locator('body').textContent()).not.toContain('13912340003');
    t.clock.advance(8 * 24 * 3600_000);
    const fl2 = await login('fl');
    await fl2.goto(`${server.url}/campaigns/${id}`);
    await advance(fl2, '表彰');
    await nomination(fl2, '001').locator('.ant-tag', { hasText: '已表彰' }).waitFor();
    await fitsPhone(fl2, 'awarded', []);
    await fl2.goto(`${server.url}/campaigns`);
    await fl2.getByTestId('campaign-card').filter({ hasText: '2026年度林甸县巾帼文明岗评选' }).waitFor();
    await fitsPhone(fl2, 'list-awarded', [fl2.getByTestId('campaign-card').first()]);

    // 8. the winner holds the designation: through the API, on the unit's page (phone) and on the public page
    const winner = units[0];
    const designations = await fl2.evaluate(async (orgId) => (await fetch(`/api/v1/orgs/${orgId}/designations`)).json(), winner.id);
    expect(designations.items).toEqual(expect.arrayContaining([expect.objectContaining({ title: '巾帼文明岗', level: '县级', year: 2026 })]));
    await fl2.goto(`${server.url}/orgs?id=${winner.id}`);
    const designation = fl2.getByRole('cell', { name: '巾帼文明岗', exact: true }).first();
    await designation.waitFor();
    await fitsPhone(fl2, 'designation', [designation]);
    await phone.goto(`${server.url}/p/campaigns/${id}`);
    await phone.getByRole('heading', { name: '表彰名单' }).waitFor();
    expect(await phone.locator('body').textContent()).toContain(winner.name);

    // 9. the same campaign at desktop size: the list and the nominations as tables, winner tagged
    const desk = await login('fl', true);
    await desk.getByTestId('nav-campaigns').click();
    await desk.locator('.ant-table').getByRole('link', { name: '2026年度林甸县巾帼文明岗评选' }).click();
    await desk.waitForURL(new RegExp(`/campaigns/${id}$`));
    await desk.locator('tbody tr.ant-table-row[data-testid="nomination"]').nth(1).waitFor();
    await nomination(desk, '001').locator('.ant-tag', { hasText: '已表彰' }).waitFor();
    await desk.locator('.ant-steps-item-process').getByText('表彰').waitFor();
    expect(await desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(desk, 'selections-awarded-desktop');
  }, 300_000); // the whole selection, eight steps and five accounts: past the default 120 s on a loaded 2-core machine
});
