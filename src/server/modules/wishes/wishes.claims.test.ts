import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { donorToken } from './wishes.test-kit';

let t: TestApp;
type Headers = { authorization: string };
let village: { id: string };
let staff: { username: string; password: string; headers: Headers };
let child: string;
const day = 86_400_000;

const pub = (method: 'GET' | 'POST', url: string, ip: string, payload?: object, headers?: Record<string, string>) => t.app.inject({ method, url, payload, headers, remoteAddress: ip });
async function login() {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: staff.username, password: staff.password } });
  staff.headers.authorization = `Bearer ${res.json().token as string}`;
}
async function published(title: string): Promise<{ id: string; code: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/wishes', headers: staff.headers, payload: { personId: child, beneficiaryKind: '儿童', title, story: '想要过冬的衣物', valueYuan: 100 } });
  const id = res.json().id as string;
  await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${id}/transitions`, headers: staff.headers, payload: { action: 'approve' } });
  const done = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${id}/transitions`, headers: staff.headers, payload: { action: 'publish' } });
  return { id, code: done.json().code as string };
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-02T02:00:00.000Z');
  village = await buildUnit(t.sys, { code: 'wc-v', name: '幸福村妇联', kind: 'womens_branch' });
  staff = await t.userWith('staff', village.id);
  child = (await buildPerson(t.sys, { orgId: village.id, name: '陈小雨', birthDate: '2017-03-03' })).id;
});
afterAll(() => t.close());

describe('claiming a wish', () => {
  it('50 donors claiming one wish at once: exactly one holds it', async () => {
    const w = await published('一双棉鞋');
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) tokens.push(await donorToken(t, `1360000${String(1000 + i)}`, `10.50.0.${i + 1}`));
    const results = await Promise.all(tokens.map((token, i) => pub('POST', `/api/public/wishes/${w.code}/claim`, `10.51.0.${i + 1}`, { token })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const claims = await t.sys.db.selectFrom('wish_claims').selectAll().where('wish_id', '=', w.id).execute();
    expect(claims).toHaveLength(1);
    const row = await t.sys.db.selectFrom('wishes').select(['status', 'claim_id']).where('id', '=', w.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'claimed', claim_id: claims[0].id });
    const winner = results.findIndex((r) => r.statusCode === 200);
    expect(results[winner].json().claim.phoneMasked).toBe(`136****${String(1000 + winner)}`);
    const audits = await t.sys.db.selectFrom('audit_log').select('action').where('entity', '=', 'wish').where('entity_id', '=', w.id).where('action', '=', 'claim').execute();
    expect(audits).toHaveLength(1);
  });

  it('lapses an undelivered claim after the claim days (the clock), once, and the wish is published again', async () => {
    const w = await published('一个书包');
    const token = await donorToken(t, '13500002222', '10.60.0.1');
    expect((await pub('POST', `/api/public/wishes/${w.code}/claim`, '10.60.0.1', { token })).json().claim).toMatchObject({ claimedOn: '2026-11-02', dueOn: '2026-11-17' });
    t.clock.advance(15 * day); // 2026-11-17: the last day
    expect((await pub('GET', `/api/public/wishes/${w.code}`, '10.60.0.2')).json().status).toBe('claimed');
    t.clock.advance(day); // 2026-11-18
    const reads = await Promise.all([1, 2, 3, 4, 5].map((i) => pub('GET', '/api/public/wishes', `10.61.0.${i}`)));
    for (const r of reads) expect(r.json().items.map((x: { id: string }) => x.id)).toContain(w.code);
    expect((await pub('GET', `/api/public/wishes/${w.code}`, '10.60.0.2')).json()).toMatchObject({ status: 'published', claimedOn: null });
    const claim = await t.sys.db.selectFrom('wish_claims').select(['outcome', 'ended_on']).where('wish_id', '=', w.id).executeTakeFirstOrThrow();
    expect(claim).toEqual({ outcome: 'lapsed', ended_on: '2026-11-18' });
    const lapses = await t.sys.db.selectFrom('audit_log').select('action').where('entity_id', '=', w.id).where('action', '=', 'lapse_claim').execute();
    expect(lapses).toHaveLength(1);
    const fresh = await donorToken(t, '13500002222', '10.60.0.1');
    expect((await pub('GET', '/api/public/my-claims', '10.60.0.1', undefined, { 'x-public-token': fresh })).json().items[0]).toMatchObject({ wishId: w.code, outcome: 'lapsed', outcomeLabel: '已逾期释放', wishStatus: null });
    // claimed again by someone else, then released by staff with a reason
    const second = await donorToken(t, '13500003333', '10.60.0.3');
    expect((await pub('POST', `/api/public/wishes/${w.code}/claim`, '10.60.0.3', { token: second })).statusCode).toBe(200);
    await login();
    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${w.id}/transitions`, headers: staff.headers, payload: { action: 'release' } });
    expect(noReason.json().error.details).toContainEqual({ path: 'reason', message: '解除认领须填写理由' });
    const released = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${w.id}/transitions`, headers: staff.headers, payload: { action: 'release', reason: '认领人联系不上' } });
    expect(released.json()).toMatchObject({ status: 'published', claim: null, claims: [{ outcome: 'released', phoneMasked: '135****3333' }, { outcome: 'lapsed', phoneMasked: '135****2222' }] });
  });

  it('lets one donor hold at most 3 wishes at once', async () => {
    const token = await donorToken(t, '13500004444', '10.70.0.1');
    const ws = [];
    for (const title of ['围巾', '手套', '帽子', '毛衣']) ws.push(await published(title));
    for (const w of ws.slice(0, 3)) expect((await pub('POST', `/api/public/wishes/${w.code}/claim`, '10.70.0.1', { token })).statusCode).toBe(200);
    const fourth = await pub('POST', `/api/public/wishes/${ws[3].code}/claim`, '10.70.0.1', { token });
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json().error.message).toBe('每位爱心人士同时最多认领 3 个心愿，请先完成已认领的心愿');
  });

  it('limits public reads per address (429 with Retry-After), other addresses unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await pub('GET', '/api/public/wishes?pageSize=1', '10.80.0.1')).statusCode);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    const last = await pub('GET', '/api/public/wishes?pageSize=1', '10.80.0.1');
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect((await pub('GET', '/api/public/wishes?pageSize=1', '10.80.0.2')).statusCode).toBe(200);
  });
});
