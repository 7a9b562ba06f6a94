import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, testClock, type TestApp } from '../../../../test/test-app';
import { verifyAudit } from '../audit/audit.service';
import { call, countyTree, objectorTokens, ok, voterTokens, votingEnd } from './selections.test-kit';

/** A unit selection end to end through the API: quotas, review, vote, jury, 公示 with an objection, award → designation. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
const clock = testClock('2026-06-15T02:00:00.000Z');
let id: string;
let noms: { id: string; code: string; name: string; status: string }[];
beforeAll(async () => {
  t = await createTestApp({ clock });
  tree = await countyTree(t, 'SEL');
});
afterAll(async () => t.close());

let later: { authorization: string } | null = null;
const h = () => later ?? tree.organizer.headers;

describe('a selection from nomination to award', () => {
  it('creates a campaign with quotas; the township with a quota sees it, others do not', async () => {
    const c = await ok<{ id: string; stage: string; juryWeight: number; quotas: { used: number }[] }>(t.app, 'POST', '/api/v1/campaigns', h(), {
      name: '2026年度县级巾帼文明岗评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 3 }], winnersCount: 1, juryWeight: 70, publicityDays: 5, votingEndsAt: votingEnd(t),
    });
    id = c.id;
    expect(c).toMatchObject({ stage: 'nomination', juryWeight: 70, quotas: [{ used: 0 }] });
    expect((await call(t.app, 'GET', `/api/v1/campaigns/${id}`, tree.staffA.headers)).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/v1/campaigns/${id}`, tree.staffB.headers)).status).toBe(404);
    expect(((await ok<{ items: unknown[] }>(t.app, 'GET', '/api/v1/campaigns', tree.staffB.headers)).items)).toHaveLength(0);
    // a quota for a unit outside the organizer's subtree is refused
    const other = await buildUnit(t.sys, { code: 'SEL-OUT', name: '外县妇联', kind: 'womens_federation' });
    expect((await call(t.app, 'PATCH', `/api/v1/campaigns/${id}`, h(), { quotas: [{ orgId: other.id, quota: 1 }] })).status).toBe(404);
  });

  it('a township nominates up to its quota, only what lies in its scope', async () => {
    for (const p of tree.posts.slice(0, 3)) {
      expect((await call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: p.id, deeds: `${p.name}优质服务事迹` })).status).toBe(201);
    }
    const over = await call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[3].id, deeds: '超出名额' });
    expect(over.status).toBe(422);
    expect(over.body.error?.message).toContain('名额（3 个）已用完');
    // township B has no quota and cannot reach A's units
    expect((await call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffB.headers, { nominatingOrgId: tree.townB.id, unitId: tree.posts[3].id, deeds: '乙镇提名' })).status).toBe(404);
    const dup = await call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.organizer.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[0].id, deeds: '重复' });
    expect(dup.status).toBe(409);
  });

  it('the stage machine refuses skips and unfinished stages, and changes nothing', async () => {
    const skip = await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'voting' });
    expect(skip.status).toBe(409);
    expect(skip.body.error?.message).toContain('下一阶段应为“审核”');
    expect((await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.staffA.headers, { to: 'review' })).status).toBe(403);
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'review' });
    const pending = await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'voting' });
    expect(pending.status).toBe(422);
    expect(pending.body.error?.message).toBe('还有 3 个提名未审核');
    expect((await ok<{ stage: string }>(t.app, 'GET', `/api/v1/campaigns/${id}`, h())).stage).toBe('review');
  });

  it('the county reviews: a rejection needs a reason and returns the quota', async () => {
    noms = (await ok<{ items: typeof noms }>(t.app, 'GET', `/api/v1/campaigns/${id}/nominations`, h())).items;
    expect(noms.map((n) => n.code)).toEqual(['001', '002', '003']);
    expect((await call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${noms[2].id}/review`, h(), { decision: 'reject' })).body.error?.details?.[0].path).toBe('reason');
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${noms[2].id}/review`, h(), { decision: 'reject', reason: '材料不全' });
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${noms[0].id}/review`, h(), { decision: 'accept' });
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${noms[1].id}/review`, h(), { decision: 'accept' });
    const c = await ok<{ quotas: { used: number }[]; counts: Record<string, number> }>(t.app, 'GET', `/api/v1/campaigns/${id}`, h());
    expect(c.quotas[0].used).toBe(2);
    expect(c.counts).toMatchObject({ accepted: 2, rejected: 1, nominated: 0 });
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'voting' });
  });

  it('the public votes with verified phones; jury scores; final = 70% jury + 30% public', async () => {
    const tokens = await voterTokens(t.app, 3);
    for (const [i, token] of tokens.entries()) {
      expect((await call(t.app, 'POST', `/api/public/campaigns/${id}/votes`, undefined, { nomineeId: i < 2 ? '002' : '001', token }, `10.9.0.${i}`)).status).toBe(201);
    }
    // a rejected nominee takes no votes
    expect((await call(t.app, 'POST', `/api/public/campaigns/${id}/votes`, undefined, { nomineeId: '003', token: tokens[0] })).status).toBe(404);
    expect((await call(t.app, 'PUT', `/api/v1/campaigns/${id}/nominations/${noms[0].id}/score`, h(), { score: 90 })).status).toBe(422);
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'jury' });
    expect((await call(t.app, 'POST', `/api/public/campaigns/${id}/votes`, undefined, { nomineeId: '001', token: tokens[0] })).status).toBe(422);
    await ok(t.app, 'PUT', `/api/v1/campaigns/${id}/nominations/${noms[0].id}/score`, h(), { score: 96 });
    const unscored = await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'publicity' });
    expect(unscored.body.error?.message).toBe('还有 1 个候选对象没有评委打分');
    const juror2 = await t.userWith('staff', tree.county.id, 'sel-juror2');
    await ok(t.app, 'PUT', `/api/v1/campaigns/${id}/nominations/${noms[1].id}/score`, juror2.headers, { score: 80 });
    await ok(t.app, 'PUT', `/api/v1/campaigns/${id}/nominations/${noms[0].id}/score`, juror2.headers, { score: 90 });
    const results = await ok<{ items: { code: string; votes: number; juryScore: string; publicScore: string; finalScore: string; rank: number }[] }>(t.app, 'GET', `/api/v1/campaigns/${id}/results`, h());
    // 001: jury (96+90)/2 = 93.00, public 1/2 → 50.00 → 80.10; 002: jury 80.00, public 100.00 → 86.00
    expect(results.items.map((r) => [r.code, r.votes, r.juryScore, r.publicScore, r.finalScore, r.rank])).toEqual([
      ['002', 2, '80.00', '100.00', '86.00', 1],
      ['001', 1, '93.00', '50.00', '80.10', 2],
    ]);
  });

  it('公示: winners fixed, an objection recorded and answered, award only after the period', async () => {
    const c = await ok<{ stage: string; publicityFrom: string; publicityTo: string }>(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'publicity' });
    expect(c).toMatchObject({ stage: 'publicity', publicityFrom: '2026-06-15', publicityTo: '2026-06-19' });
    const pub = await ok<{ nominees: { id: string; winner: boolean }[]; objectionsOpen: boolean }>(t.app, 'GET', `/api/public/campaigns/${id}`, undefined);
    expect(pub.objectionsOpen).toBe(true);
    expect(pub.nominees.filter((n) => n.winner).map((n) => n.id)).toEqual(['002']);
    const [objector] = await objectorTokens(t.app, 1);
    expect((await call(t.app, 'POST', `/api/public/campaigns/${id}/objections`, undefined, { nomineeId: '002', content: '该岗位今年曾被投诉，请核实。' }, '10.8.0.1')).status).toBe(400);
    expect((await call(t.app, 'POST', `/api/public/campaigns/${id}/objections`, undefined, { nomineeId: '002', content: '该岗位今年曾被投诉，请核实。', token: objector.token }, '10.8.0.1')).status).toBe(201);
    const early = await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'awarded' });
    expect(early.body.error?.message).toBe('公示期至 2026-06-19 结束，期满后方可表彰');
    clock.set('2026-06-20T02:00:00.000Z');
    // sessions last 12 hours: a colleague at the county signs in after the publicity period
    later = (await t.userWith('staff', tree.county.id, 'sel-org-later')).headers;
    const unanswered = await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'awarded' });
    expect(unanswered.body.error?.message).toBe('还有 1 条异议未答复，答复后方可表彰');
    const objections = await ok<{ items: { id: string; nomineeId: string; content: string }[] }>(t.app, 'GET', `/api/v1/campaigns/${id}/objections`, h());
    expect(objections.items).toMatchObject([{ nomineeId: '002', content: '该岗位今年曾被投诉，请核实。' }]);
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/objections/${objections.items[0].id}/answer`, h(), { answer: '经核实，投诉已于当月妥善解决，不影响评选。' });
    const done = await ok<{ stage: string; awardedOn: string }>(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'awarded' });
    expect(done).toMatchObject({ stage: 'awarded', awardedOn: '2026-06-20' });
  });

  it('the winner holds the designation, and the designation metric counts it', async () => {
    const admin = await t.userWith('sysadmin', null, 'sel-admin');
    const d = await ok<{ items: { title: string; level: string; year: number }[] }>(t.app, 'GET', `/api/v1/orgs/${tree.posts[1].id}/designations`, admin.headers);
    expect(d.items).toMatchObject([{ title: '巾帼文明岗', level: '县级', year: 2026 }]);
    expect((await ok<{ items: unknown[] }>(t.app, 'GET', `/api/v1/orgs/${tree.posts[0].id}/designations`, admin.headers)).items).toHaveLength(0);
    const m = await ok<{ value: number }>(t.app, 'GET', `/api/v1/metrics/designations.count?orgId=${tree.county.id}&from=2026-01-01&to=2026-12-31`, admin.headers);
    expect(m.value).toBe(1);
    expect((await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, h(), { to: 'awarded' })).status).toBe(409);
    expect(await verifyAudit(t.database.db, t.crypto)).toMatchObject({ ok: true });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'in', ['campaign', 'campaign_nomination', 'campaign_vote', 'campaign_objection', 'designation']).execute();
    const actions = new Set(audit.map((a) => `${a.entity}:${a.action}`));
    for (const a of ['campaign:create', 'campaign:advance', 'campaign_nomination:nominate', 'campaign_nomination:review', 'campaign_nomination:score', 'campaign_vote:vote', 'campaign_objection:object', 'campaign_objection:answer', 'designation:create']) {
      expect(actions, a).toContain(a);
    }
  });
});
