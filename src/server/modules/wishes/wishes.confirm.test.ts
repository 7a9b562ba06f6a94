import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { donorToken } from './wishes.test-kit';

/**
 * Issue 12 item 13: verifying a phone used to claim the wish at once. Now verifying only proves the
 * phone; the claim is a separate, confirmed step that may carry the name the donor leaves for the
 * thank-you (else 爱心人士（匿名）), and the wish page names the delivery point the donor commits to.
 */
let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let village: { id: string };
let staff: Headers;
let child: string;

const pub = (method: 'GET' | 'POST', url: string, ip: string, payload?: object) => t.app.inject({ method, url, payload, remoteAddress: ip });
const delivery = { deliveryAddress: '青山县城关镇人民路 18 号 县妇联一楼服务大厅', deliveryPhone: '0123-4567890', deliveryHours: '工作日 8:30–11:30、13:30–17:00' };

async function published(title: string): Promise<{ id: string; code: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/wishes', headers: staff, payload: { personId: child, beneficiaryKind: '儿童', title, story: '想要一份新学期的礼物', valueYuan: 80, orgId: village.id } });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${id}/transitions`, headers: staff, payload: { action: 'approve' } });
  const done = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${id}/transitions`, headers: staff, payload: { action: 'publish' } });
  return { id, code: done.json().code as string };
}

beforeAll(async () => {
  // a county made from scratch (not the demo)
  t = await createTestApp();
  t.clock.set('2026-09-01T02:00:00.000Z');
  county = await buildUnit(t.sys, { code: 'qs-fl', name: '青山县妇联', kind: 'womens_federation' });
  village = await buildUnit(t.sys, { code: 'qs-v1', name: '石桥村妇联', kind: 'womens_branch', parentId: county.id });
  staff = (await t.userWith('staff', county.id)).headers;
  child = (await buildPerson(t.sys, { orgId: village.id, name: '刘小禾', birthDate: '2016-02-02' })).id;
});
afterAll(() => t.close());

describe('delivery point in the wish settings', () => {
  it('is set per unit with the cap and days, inherited below, and refuses a bad phone in Chinese', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/wish-settings', headers: staff, payload: { orgId: county.id, valueCapYuan: 300, claimDays: 10, deliveryPhone: '请打电话' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual({ path: 'deliveryPhone', message: '联系电话应为手机号或座机号码（如 010-12345678）' });
    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/wish-settings', headers: staff, payload: { orgId: county.id, valueCapYuan: 300, claimDays: 10, ...delivery } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ orgId: county.id, valueCapYuan: 300, claimDays: 10, ...delivery, inheritedFrom: null });
    const below = await t.app.inject({ method: 'GET', url: `/api/v1/wish-settings?orgId=${village.id}`, headers: staff });
    expect(below.json()).toMatchObject({ orgId: village.id, claimDays: 10, ...delivery, inheritedFrom: county.id, inheritedFromName: '青山县妇联' });
    const audit = await t.sys.db.selectFrom('audit_log').select('detail').where('entity', '=', 'wish_settings').where('entity_id', '=', county.id).executeTakeFirstOrThrow();
    expect(String(audit.detail)).toContain('人民路 18 号');
  });
});

describe('claiming a wish: verify, then confirm', () => {
  it('verifying the phone alone claims nothing; the page shows what the donor commits to', async () => {
    const w = await published('一个新书包');
    await donorToken(t, '13700001111', '10.90.0.1');
    const page = await pub('GET', `/api/public/wishes/${w.code}`, '10.90.0.2');
    expect(page.json()).toMatchObject({
      status: 'published', claimedOn: null, donorName: null, claimDays: 10,
      deliveryPoint: { unitName: '石桥村妇联', address: delivery.deliveryAddress, phone: delivery.deliveryPhone, hours: delivery.deliveryHours },
    });
    expect(await t.sys.db.selectFrom('wish_claims').select('id').where('wish_id', '=', w.id).execute()).toHaveLength(0);
    const row = await t.sys.db.selectFrom('wishes').select(['status', 'claim_id']).where('id', '=', w.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', claim_id: null });
  });

  it('the confirmed claim keeps the name the donor left; the public pages show it, never the phone', async () => {
    const w = await published('一套水彩笔');
    const token = await donorToken(t, '13700002222', '10.91.0.1');
    const res = await pub('POST', `/api/public/wishes/${w.code}/claim`, '10.91.0.1', { token, donorName: ' 张女士 ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().claim).toEqual({ claimedOn: '2026-09-01', dueOn: '2026-09-11', phoneMasked: '137****2222', donorName: '张女士' });
    expect(res.json().wish).toMatchObject({ status: 'claimed', donorName: '张女士', deliveryPoint: { address: delivery.deliveryAddress } });
    const page = await pub('GET', `/api/public/wishes/${w.code}`, '10.91.0.2');
    expect(page.json()).toMatchObject({ status: 'claimed', donorName: '张女士' });
    const board = await pub('GET', '/api/public/wishes?status=claimed', '10.91.0.3');
    expect(board.json().items.find((x: { id: string }) => x.id === w.code)).toMatchObject({ donorName: '张女士' });
    for (const body of [page.body, board.body]) {
      expect(body).not.toContain('13700002222');
      expect(body).not.toContain('137****2222');
    }
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/wishes/${w.id}`, headers: staff });
    expect(detail.json().claim).toMatchObject({ donorName: '张女士', phoneMasked: '137****2222' });
  });

  it('without a name, or with 匿名, the thank-you reads 爱心人士（匿名）', async () => {
    for (const [i, donorName] of [undefined, '', '匿名'].entries()) {
      const w = await published(`一件冬衣 ${i}`);
      const token = await donorToken(t, `1370000333${i}`, `10.92.0.${i + 1}`);
      const res = await pub('POST', `/api/public/wishes/${w.code}/claim`, `10.92.0.${i + 1}`, { token, ...(donorName === undefined ? {} : { donorName }) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().claim.donorName).toBe('爱心人士（匿名）');
      expect((await pub('GET', `/api/public/wishes/${w.code}`, '10.92.1.1')).json().donorName).toBe('爱心人士（匿名）');
      const stored = await t.sys.db.selectFrom('wish_claims').select('donor_name').where('wish_id', '=', w.id).executeTakeFirstOrThrow();
      expect(stored.donor_name).toBeNull();
    }
  });

  it('refuses a name that carries a phone number, and claims nothing', async () => {
    const w = await published('一双运动鞋');
    const token = await donorToken(t, '13700004444', '10.93.0.1');
    const res = await pub('POST', `/api/public/wishes/${w.code}/claim`, '10.93.0.1', { token, donorName: '王先生 137-0000-4444' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path: 'donorName', message: '留名不能包含电话号码或证件号码' });
    expect((await pub('GET', `/api/public/wishes/${w.code}`, '10.93.0.2')).json().status).toBe('published');
  });

  it('a unit with no delivery point anywhere above it answers nulls (the page then says so)', async () => {
    const other = await buildUnit(t.sys, { code: 'qs-other', name: '远山县妇联', kind: 'womens_federation' });
    const otherStaff = (await t.userWith('staff', other.id)).headers;
    const kid = (await buildPerson(t.sys, { orgId: other.id, name: '周小树', birthDate: '2017-05-05' })).id;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/wishes', headers: otherStaff, payload: { personId: kid, beneficiaryKind: '儿童', title: '一盒积木', story: '喜欢搭房子', valueYuan: 50 } });
    const id = created.json().id as string;
    await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${id}/transitions`, headers: otherStaff, payload: { action: 'approve' } });
    const code = (await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${id}/transitions`, headers: otherStaff, payload: { action: 'publish' } })).json().code as string;
    expect((await pub('GET', `/api/public/wishes/${code}`, '10.94.0.1')).json()).toMatchObject({ claimDays: 15, deliveryPoint: { unitName: '远山县妇联', address: null, phone: null, hours: null } });
  });
});
