import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lastOtpCode } from '../src/server/modules/otp/otp.routes';
import { launchBrowser, screenshot } from './browser';
import { startDemoServer } from './server';

/**
 * A selection end to end in Chromium: the county women's federation creates it, 花园镇 nominates two
 * units, the county reviews, the public votes on a phone (390×844) with a one-time code read from the
 * log sender, the jury scores, 公示 with an objection answered, award; the winner holds the designation.
 */
let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function login(username: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, locale: 'zh-CN' })).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.users.get(username) as string);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-people').waitFor();
  return page;
}

async function pickOrg(page: Page, within: ReturnType<Page['locator']>, name: string) {
  await within.locator('.ant-select').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').getByText(name, { exact: true }).click();
}

async function advance(page: Page, label: string) {
  await page.getByRole('button', { name: `进入${label}阶段` }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
  await page.locator('.ant-steps-item-process').getByText(label === '表彰' ? '表彰' : label).waitFor();
}

async function phonePage(): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true })).newPage();
}

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
      .limit(2)
      .execute();
    expect(units).toHaveLength(2);

    // 1. the county creates the campaign with a quota for 花园镇
    const fl = await login('fl');
    await fl.getByTestId('nav-campaigns').click();
    await fl.getByRole('button', { name: '新建评选' }).click();
    const modal = fl.locator('.ant-modal');
    await modal.getByLabel('评选名称').fill('2026年度林甸县巾帼文明岗评选');
    await modal.getByLabel('评选类别').fill('巾帼文明岗');
    await modal.getByLabel('表彰名额').fill('1');
    await pickOrg(fl, modal.locator('.ant-form-item').filter({ hasText: '各推荐单位名额' }), town.name);
    await modal.getByRole('button', { name: '创建' }).click();
    await fl.waitForURL(/\/campaigns\/[0-9a-f-]+$/);
    const id = fl.url().split('/').pop() as string;
    await fl.getByText('集体（组织）').first().waitFor();

    // 2. 花园镇 nominates two units of its own
    const hy = await login('hy-fl');
    await hy.goto(`${server.url}/campaigns/${id}`);
    for (const [i, u] of units.entries()) {
      await hy.getByRole('button', { name: '提名', exact: true }).click();
      const m = hy.locator('.ant-modal');
      await pickOrg(hy, m.locator('.ant-form-item').filter({ hasText: '候选' }), u.name);
      await m.getByLabel('事迹简介').fill(`${u.name}立足岗位、服务群众，全年开展巾帼志愿服务${12 + i}次。`);
      await m.getByRole('button', { name: '提交提名' }).click();
      await hy.locator('tbody tr.ant-table-row').nth(i).waitFor();
    }
    await screenshot(hy, 'selections-nominated');

    // 3. the county reviews and opens the vote
    await fl.reload();
    await advance(fl, '审核');
    for (let i = 0; i < 2; i++) {
      await fl.locator('tbody tr.ant-table-row').getByRole('button', { name: '通过', exact: true }).first().click();
      await fl.locator('.ant-tag', { hasText: '审核通过' }).nth(i).waitFor();
    }
    await advance(fl, '投票');

    // 4. the public votes on a phone: verify the phone with the code from the log sender, then vote
    const phone = await phonePage();
    await phone.goto(`${server.url}/p/campaigns/${id}`);
    await phone.getByText('候选集体（组织）（2）').waitFor();
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

    // 5. jury
    await fl.reload();
    await advance(fl, '评审');
    for (const [code, score] of [['001', 90], ['002', 85]] as const) {
      await fl.getByLabel(`评分 ${code}`).fill(String(score));
      await fl.locator('tbody tr.ant-table-row', { hasText: code }).getByRole('button', { name: '评分', exact: true }).click();
      await fl.getByText('评分已保存').last().waitFor();
    }
    await advance(fl, '公示');
    await fl.locator('.ant-tag', { hasText: '拟表彰' }).waitFor();

    // 6. 公示 on the phone, with an objection
    await phone.goto(`${server.url}/p/campaigns/${id}`);
    await phone.getByRole('heading', { name: '公示名单' }).waitFor();
    await phone.getByLabel('异议内容').fill('该岗位去年曾有群众投诉，请核实处理情况。');
    await phone.getByRole('button', { name: '提交异议' }).click();
    await phone.getByText('异议已收到').waitFor();
    await screenshot(phone, 'selections-public-publicity');

    // 7. the county answers, and awards once the publicity period is over
    await fl.reload();
    await fl.getByRole('tab', { name: /公示异议/ }).click();
    await fl.getByRole('button', { name: '答复', exact: true }).click();
    await fl.locator('.ant-modal').getByLabel('答复').fill('经核实，投诉已于当年妥善解决，不影响本次评选。');
    await fl.locator('.ant-modal').getByRole('button', { name: '提交答复' }).click();
    await fl.locator('.ant-tag', { hasText: '已答复' }).waitFor();
    t.clock.advance(8 * 24 * 3600_000);
    const fl2 = await login('fl');
    await fl2.goto(`${server.url}/campaigns/${id}`);
    await advance(fl2, '表彰');
    await screenshot(fl2, 'selections-awarded');

    // 8. the winner holds the designation
    const winner = units[0];
    const designations = await fl2.evaluate(async (orgId) => (await fetch(`/api/v1/orgs/${orgId}/designations`)).json(), winner.id);
    expect(designations.items).toEqual(expect.arrayContaining([expect.objectContaining({ title: '巾帼文明岗', level: '县级', year: 2026 })]));
    await phone.goto(`${server.url}/p/campaigns/${id}`);
    await phone.getByRole('heading', { name: '表彰名单' }).waitFor();
    expect(await phone.locator('body').textContent()).toContain(winner.name);
  });
});
