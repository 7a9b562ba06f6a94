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

describe('micro-wishes in Chromium', () => {
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
    await phone.getByTestId('claim-done').waitFor();
    expect(await phone.getByTestId('wish-status').textContent()).toBe('已认领');
    expect(await phone.locator('body').textContent()).not.toContain(childName);
    await screenshot(phone, 'wishes-claimed-390');

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
