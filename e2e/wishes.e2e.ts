import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { maskName } from '../src/domain/mask';
import { lastOtpCode } from '../src/server/modules/otp/otp.routes';
import { screenshot } from './browser';
import { apiToken, closeDemo, type DemoServer, openDemo, signIn } from './server';

let server: DemoServer;
let browser: Browser;
let wish: { id: string; code: string; title: string };
let childName = '';

async function api(method: 'GET' | 'POST', path: string, token: string, body?: object) {
  const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  ({ server, browser } = await openDemo());
  // a fixed day of the demo year, whatever the day the suite runs (the phone page takes its time from
  // the server, whatever its own clock says)
  server.t.clock.set('2026-10-20T02:00:00.000Z');
  // the county women's federation collects a child's wish, approves and publishes it (through the API)
  const token = await apiToken(server, 'fl');
  const db = server.t.sys.db;
  const fl = await db.selectFrom('org_units').select('id').where('code', '=', 'LD-FL').executeTakeFirstOrThrow();
  const child = await db
    .selectFrom('people as p')
    .innerJoin('person_orgs as po', 'po.person_id', 'p.id')
    .innerJoin('org_closure as oc', 'oc.descendant_id', 'po.org_id')
    .select(['p.id', 'p.name'])
    .where('oc.ancestor_id', '=', fl.id)
    .where('p.birth_date', '>', '2012-01-01')
    .orderBy('p.birth_date', 'desc')
    .executeTakeFirstOrThrow();
  childName = child.name;
  const created = await api('POST', '/wishes', token, { orgId: fl.id, personId: child.id, beneficiaryKind: '儿童', title: '一件厚棉衣', story: '父母在外务工，和奶奶生活，想要一件厚棉衣过冬', valueYuan: 150 });
  await api('POST', `/wishes/${created.id as string}/transitions`, token, { action: 'approve' });
  const published = await api('POST', `/wishes/${created.id as string}/transitions`, token, { action: 'publish' });
  wish = { id: created.id as string, code: published.code as string, title: '一件厚棉衣' };
});
afterAll(() => closeDemo(server, browser));

const delivery = { address: '县妇联一楼群众服务大厅（人民路 18 号）', phone: '0123-4567890', hours: '工作日 8:30–11:30、13:30–17:00' };

describe('micro-wishes in Chromium', () => {
  it('the organizer sets the delivery point with the cap and claim days (desk and phone widths)', async () => {
    for (const [width, height, name] of [[1366, 768, 'wishes-settings'], [390, 844, 'wishes-settings-390']] as const) {
      const desk = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
      await signIn(desk, server, 'fl');
      await desk.goto(`${server.url}/wishes`);
      await desk.getByTestId('wish-settings').click();
      await desk.getByTestId('wish-delivery-address').fill(delivery.address);
      await desk.getByTestId('wish-delivery-phone').fill(delivery.phone);
      await desk.getByTestId('wish-delivery-hours').fill(delivery.hours);
      await screenshot(desk, name);
      await desk.locator('.ant-modal').getByRole('button', { name: /保\s*存/ }).click();
      await desk.locator('.ant-modal').waitFor({ state: 'hidden' });
      await desk.getByText(`送达地点：${delivery.address}`).waitFor();
      await desk.close();
    }
    const token = await apiToken(server, 'fl');
    expect(await api('GET', '/wish-settings', token)).toMatchObject({ deliveryAddress: delivery.address, deliveryPhone: delivery.phone, deliveryHours: delivery.hours });
  });

  it('a donor claims a published wish on a phone; the organizer records delivery with a photo', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await phone.goto(`${server.url}/p/wishes`);
    const card = phone.getByTestId('wish-list').locator('a', { hasText: wish.title });
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain(maskName(childName));
    expect(await phone.locator('body').textContent()).not.toContain(childName);
    await screenshot(phone, 'wishes-board-390');
    // no wish of the demo is withheld by the public-text check
    const board = (await (await fetch(`${server.url}/api/public/wishes?pageSize=50`)).json()) as { items: { title: string; story: string }[] };
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.items.filter((w) => w.story === '（该心愿的说明正在修订，暂不公开）')).toEqual([]);

    await card.click();
    await phone.getByText(`编号 ${wish.code}`).waitFor();
    await phone.getByRole('button', { name: '我来认领' }).click();
    const donor = '13966668888';
    await phone.locator('input[name=phone]').fill(donor);
    await phone.getByRole('button', { name: '获取验证码' }).click();
    await phone.getByText('验证码已发送至 139****8888').waitFor();
    await phone.locator('input[name=code]').fill(lastOtpCode(server.t.app, donor) as string);
    await phone.getByRole('button', { name: '验证', exact: true }).click();
    // verifying the phone claims nothing: the confirm step shows what the donor commits to
    const confirm = phone.getByTestId('claim-confirm');
    await confirm.waitFor();
    const before = await server.t.sys.db.selectFrom('wishes').select(['status', 'claim_id']).where('id', '=', wish.id).executeTakeFirstOrThrow();
    expect(before).toEqual({ status: 'published', claim_id: null });
    expect(await server.t.sys.db.selectFrom('wish_claims').select('id').where('wish_id', '=', wish.id).execute()).toEqual([]);
    expect(await phone.getByTestId('claim-commitment').textContent()).toMatch(/在 \d{4}年\d{1,2}月\d{1,2}日 前（认领之日起 \d+ 天内）将心愿物品送到下面的送达地点/);
    const point = (await confirm.getByTestId('delivery-point').textContent()) ?? '';
    for (const part of [delivery.address, delivery.phone, delivery.hours]) expect(point).toContain(part);
    await phone.locator('input[name=donorName]').fill('李女士');
    await screenshot(phone, 'wishes-confirm-390');
    await phone.getByTestId('claim-submit').click();
    await phone.getByTestId('claim-done').waitFor();
    expect(await phone.getByTestId('claim-done').textContent()).toContain('感谢李女士');
    expect(await phone.getByTestId('claim-done').getByTestId('delivery-point').textContent()).toContain(delivery.address);
    expect(await phone.getByTestId('wish-status').textContent()).toBe('已认领');
    expect(await phone.getByTestId('wish-donor').textContent()).toContain('李女士');
    expect(await phone.locator('body').textContent()).not.toContain(childName);
    await screenshot(phone, 'wishes-claimed-390');
    // the public page, read afresh: the donor's chosen name, never the phone
    await phone.reload();
    await phone.getByTestId('wish-donor').waitFor();
    const pageText = (await phone.locator('body').textContent()) ?? '';
    expect(pageText).toContain('认领人：李女士');
    expect(pageText).not.toContain(donor);
    expect(pageText).not.toContain('139****8888');
    await screenshot(phone, 'wishes-thanks-390');

    // the organizer sees the claim (masked phone), uploads the delivery photo and records the delivery
    const desk = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(desk, server, 'fl');
    await desk.getByTestId('nav-wishes').first().click();
    await desk.locator('tr.ant-table-row', { hasText: wish.code }).click();
    await desk.getByText('139****8888').first().waitFor();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
    await desk.locator('.ant-drawer input[type=file]').setInputFiles({ name: '送达照片.png', mimeType: 'image/png', buffer: png });
    await desk.locator('.ant-drawer').getByText('1 张', { exact: true }).waitFor();
    await desk.getByTestId('wish-action-deliver').click();
    await desk.getByTestId('wish-deliver-note').fill('已将棉衣送到孩子手中，孩子很喜欢');
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await desk.getByTestId('wish-status').filter({ hasText: '已送达' }).waitFor();
    await screenshot(desk, 'wishes-delivered-organizer');
    await desk.getByTestId('wish-action-confirm').click();
    await desk.getByTestId('wish-status').filter({ hasText: '已圆梦' }).waitFor();

    // the donor's own page shows the wish fulfilled
    await phone.goto(`${server.url}/p/my-claims`);
    await phone.getByTestId('my-claims').getByText('已圆梦').waitFor();
    expect(await phone.locator('body').textContent()).not.toContain(childName);
    await screenshot(phone, 'wishes-my-claims-390');
    const row = await server.t.sys.db.selectFrom('wishes').select(['status', 'fulfilled_on']).where('id', '=', wish.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('fulfilled');
    await phone.close();
    await desk.close();
  });

  it('the reviewer sees the public card before 审核通过, the child’s registered address marked and 审核通过 refused', async () => {
    const token = await apiToken(server, 'fl');
    const db = server.t.sys.db;
    const fl = await db.selectFrom('org_units').select('id').where('code', '=', 'LD-FL').executeTakeFirstOrThrow();
    const child = await db
      .selectFrom('people as p')
      .innerJoin('person_orgs as po', 'po.person_id', 'p.id')
      .innerJoin('org_closure as oc', 'oc.descendant_id', 'po.org_id')
      .select(['p.id', 'p.name', 'p.address_cipher'])
      .where('oc.ancestor_id', '=', fl.id)
      .where('p.birth_date', '>', '2012-01-01')
      .where('p.address_cipher', 'is not', null)
      .orderBy('p.birth_date', 'desc')
      .executeTakeFirstOrThrow();
    const address = server.t.crypto.decrypt(child.address_cipher as string);
    const story = `住在${address}，喜欢读书`;
    // written through the form the story is refused at once, naming the address
    const refused = await fetch(`${server.url}/api/v1/wishes`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orgId: fl.id, personId: child.id, beneficiaryKind: '儿童', title: '一套课外书', story, valueYuan: 60 }),
    });
    expect(refused.status).toBe(400);
    // the wish of the report: its story got past the old check and waits for review
    const created = await api('POST', '/wishes', token, { orgId: fl.id, personId: child.id, beneficiaryKind: '儿童', title: '一套课外书', story: '喜欢读书，想要一套童话书', valueYuan: 60 });
    await db.updateTable('wishes').set({ story }).where('id', '=', created.id as string).execute();

    for (const [width, height, name] of [[1366, 768, 'wishes-review-preview'], [390, 844, 'wishes-review-preview-390']] as const) {
      const desk = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
      await signIn(desk, server, 'fl');
      await desk.goto(`${server.url}/wishes`);
      await desk.locator('tr.ant-table-row', { hasText: '一套课外书' }).first().click();
      const preview = desk.getByTestId('wish-public-preview');
      await preview.waitFor();
      expect(await desk.getByTestId('wish-preview-mark').first().textContent()).toBe(address);
      expect(await desk.getByTestId('wish-preview-findings').textContent()).toContain(`心愿说明中出现受助人登记的住址“${address}”`);
      expect(await preview.textContent()).toContain(maskName(child.name));
      expect(await desk.getByTestId('wish-action-approve').isDisabled()).toBe(true);
      await preview.scrollIntoViewIfNeeded();
      await screenshot(desk, name);
      await desk.close();
    }
    expect((await db.selectFrom('wishes').select('status').where('id', '=', created.id as string).executeTakeFirstOrThrow()).status).toBe('submitted');
  });
});
