import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testClock, type TestApp } from '../../../../test/test-app';
import { call, countyTree, objectorTokens, ok, voterTokens } from './selections.test-kit';

/** 公示异议实名核验: an objection needs a verified phone; per-phone and per-address limits; the objector reads the answers. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
let id: string;
beforeAll(async () => {
  t = await createTestApp({ clock: testClock('2026-06-15T02:00:00.000Z') });
  tree = await countyTree(t, 'SELO');
  const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
    name: '异议核验评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', votingEnabled: false, juryEnabled: false, quotas: [{ orgId: tree.townA.id, quota: 2 }], winnersCount: 1,
  });
  id = c.id;
  const n = await ok<{ id: string }>(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[0].id, deeds: '事迹材料' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.organizer.headers, { to: 'review' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${n.id}/review`, tree.organizer.headers, { decision: 'accept' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.organizer.headers, { to: 'publicity' });
});
afterAll(async () => t.close());

const object = (body: object, ip: string) => call(t.app, 'POST', `/api/public/campaigns/${id}/objections`, undefined, body, ip);
const mine = (token?: string) => call(t.app, 'GET', '/api/public/my-objections', token === undefined ? undefined : { 'x-public-token': token }, undefined, '10.66.0.1');

describe('phone-verified objections', () => {
  it('refuses an objection without a verified phone, or with a token for another purpose', async () => {
    const none = await object({ nomineeId: '001', content: '对该岗位的事迹有疑问' }, '10.60.0.1');
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('请先验证手机号');
    const [vote] = await voterTokens(t.app, 1);
    const wrong = await object({ nomineeId: '001', content: '对该岗位的事迹有疑问', token: vote }, '10.60.0.1');
    expect(wrong.status).toBe(401);
    expect((await t.database.db.selectFrom('campaign_objections').select('id').execute()).length).toBe(0);
  });

  it('stores the phone as hash and masked form only; the organizer sees the masked phone and the name', async () => {
    const [o] = await objectorTokens(t.app, 1, '138');
    const r = await object({ nomineeId: '001', content: '该岗位今年曾被投诉，请核实', token: o.token, name: '王女士' }, '10.60.0.2');
    expect(r.status).toBe(201);
    const masked = `${o.phone.slice(0, 3)}****${o.phone.slice(7)}`;
    expect(r.body).toMatchObject({ phoneMasked: masked });
    const list = await ok<{ items: { id: string; phoneMasked: string; objectorName: string; content: string }[] }>(t.app, 'GET', `/api/v1/campaigns/${id}/objections`, tree.organizer.headers);
    expect(list.items).toMatchObject([{ phoneMasked: masked, objectorName: '王女士', content: '该岗位今年曾被投诉，请核实' }]);
    const row = await t.database.db.selectFrom('campaign_objections').selectAll().where('id', '=', list.items[0].id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(o.phone);
    expect(row.objector_hash).toMatch(/\S{16,}/);
    const audit = await t.database.db.selectFrom('audit_log').select(['detail']).where('entity', '=', 'campaign_objection').execute();
    expect(audit.length).toBe(1);
    expect(JSON.stringify(audit)).not.toContain(o.phone.slice(7));
    expect(JSON.stringify(audit)).not.toContain('王女士');
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/objections/${list.items[0].id}/answer`, tree.organizer.headers, { answer: '经核实，投诉已妥善处理。' });
    // the objector reads the answer with the token in a header
    const seen = await mine(o.token);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ phoneMasked: masked, items: [{ campaignName: '异议核验评选', nomineeId: '001', content: '该岗位今年曾被投诉，请核实', answer: '经核实，投诉已妥善处理。' }] });
    expect(JSON.stringify(seen.body)).not.toContain('王女士');
  });

  it('my-objections needs an objection token and shows only the caller’s own objections', async () => {
    expect((await mine()).status).toBe(400);
    expect((await mine('not-a-token')).status).toBe(401);
    const [other] = await objectorTokens(t.app, 1, '139');
    expect((await mine(other.token)).body).toMatchObject({ items: [] });
  });

  it('limits one phone to 3 objections per campaign, exactly, even sent at once', async () => {
    const [o] = await objectorTokens(t.app, 1, '135');
    const sent = await Promise.all(Array.from({ length: 6 }, (_, i) => object({ content: `第${i + 1}条异议内容`, token: o.token }, `10.61.0.${i + 1}`)));
    expect(sent.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = sent.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.status)).toEqual([422, 422, 422]);
    expect(refused[0].body.error?.message).toBe('每个手机号对本次评选最多提出 3 条异议');
    expect((await mine(o.token)).body.items).toHaveLength(3);
  });

  it('still limits one address (5 an hour) across phones', async () => {
    const phones = await objectorTokens(t.app, 6, '134');
    const codes = [];
    for (const p of phones) codes.push((await object({ content: '同一地址的多条异议', token: p.token }, '10.62.0.9')).status);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
