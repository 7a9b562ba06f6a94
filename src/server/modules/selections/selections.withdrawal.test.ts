import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testClock, type TestApp } from '../../../../test/test-app';
import { verifyAudit } from '../audit/audit.service';
import { call, countyTree, ok, voterTokens, votingEnd } from './selections.test-kit';

/** 撤回推荐: who may withdraw, when, what it frees, and where a withdrawn nomination no longer appears. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
let id: string;
beforeAll(async () => {
  t = await createTestApp({ clock: testClock('2026-06-15T02:00:00.000Z') });
  tree = await countyTree(t, 'SELW');
  const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
    name: '撤回测试评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 2 }, { orgId: tree.townB.id, quota: 1 }], winnersCount: 1, votingEndsAt: votingEnd(t),
  });
  id = c.id;
});
afterAll(async () => t.close());

type View = { quotas: { orgId: string; used: number }[]; counts: Record<string, number> };
type List = { items: { id: string; code: string; status: string; statusLabel: string; withdrawReason: string | null; withdrawnAt: string | null }[] };
const nominate = (unitId: string) => call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId, deeds: '事迹材料' });
const withdraw = (nid: string, headers: object, reason?: string) => call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${nid}/withdraw`, headers, reason === undefined ? {} : { reason });
const usedA = async () => (await ok<View>(t.app, 'GET', `/api/v1/campaigns/${id}`, tree.organizer.headers)).quotas.find((q) => q.orgId === tree.townA.id)?.used;
const nominees = (m: string) => ok<{ value: number }>(t.app, 'GET', `/api/v1/metrics/${m}?orgId=${tree.county.id}&from=2026-01-01&to=2026-12-31`, tree.organizer.headers);

describe('withdrawing a nomination', () => {
  let first: string;
  it('the nominating unit withdraws a pending nomination with a reason: kept, quota freed, audited', async () => {
    first = ((await nominate(tree.posts[0].id)).body as { id: string }).id;
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[1].id, deeds: '事迹材料' });
    expect((await nominate(tree.posts[2].id)).status).toBe(422); // quota of 2 used
    expect((await nominees('campaigns.nominees')).value).toBe(2);

    const noReason = await withdraw(first, tree.staffA.headers);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.message).toContain('撤回理由');
    // township B sees the campaign (it has a quota) but not A's nomination: it does not exist for B
    expect((await withdraw(first, tree.staffB.headers, '误报')).status).toBe(404);
    // a viewer at the county may read it but acts for no unit
    const viewer = await t.userWith('viewer', tree.county.id, 'selw-viewer');
    const refused = await withdraw(first, viewer.headers, '误报');
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toBe('只有推荐单位或其上级单位可以撤回推荐');
    expect(await usedA()).toBe(2);

    const r = await withdraw(first, tree.staffA.headers, '该岗位负责人调离，材料需重报');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '该岗位负责人调离，材料需重报' });
    expect(await usedA()).toBe(1);
    const list = await ok<List>(t.app, 'GET', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers);
    expect(list.items.find((n) => n.id === first)).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '该岗位负责人调离，材料需重报', withdrawnAt: '2026-06-15T02:00:00.000Z' });
    expect((await ok<View>(t.app, 'GET', `/api/v1/campaigns/${id}`, tree.organizer.headers)).counts).toMatchObject({ nominated: 1, withdrawn: 1 });
    expect((await nominees('campaigns.nominees')).value).toBe(1);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('entity', '=', 'campaign_nomination').where('entity_id', '=', first).where('action', '=', 'withdraw').execute();
    expect(audit).toHaveLength(1);
    expect(await verifyAudit(t.database.db, t.crypto)).toMatchObject({ ok: true });
  });

  it('refuses a second withdrawal (409) and a review of the withdrawn nomination (422), changing nothing', async () => {
    const again = await withdraw(first, tree.staffA.headers, '再撤一次');
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toBe('该提名已撤回');
    const review = await call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${first}/review`, tree.organizer.headers, { decision: 'accept' });
    expect(review.status).toBe(422);
    expect(review.body.error?.message).toContain('已由推荐单位撤回');
    expect(await usedA()).toBe(1);
    const row = await t.database.db.selectFrom('campaign_nominations').select(['status', 'withdraw_reason']).where('id', '=', first).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'withdrawn', withdraw_reason: '该岗位负责人调离，材料需重报' });
  });

  it('the freed quota takes a new nomination, and the withdrawn nominee may be nominated again', async () => {
    expect((await nominate(tree.posts[0].id)).status).toBe(201);
    expect((await nominate(tree.posts[2].id)).status).toBe(422);
    expect(await usedA()).toBe(2);
    expect((await nominees('campaigns.nominees')).value).toBe(2);
  });

  it('in 审核 the organizer (a unit above) withdraws an accepted nomination; once voting starts withdrawal is refused', async () => {
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.organizer.headers, { to: 'review' });
    const list = await ok<List>(t.app, 'GET', `/api/v1/campaigns/${id}/nominations`, tree.organizer.headers);
    const live = list.items.filter((n) => n.status === 'nominated');
    for (const n of live) await ok(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${n.id}/review`, tree.organizer.headers, { decision: 'accept' });
    const r = await withdraw(live[0].id, tree.organizer.headers, '经核实不符合申报条件');
    expect(r.status).toBe(200);
    expect(await usedA()).toBe(1);
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.organizer.headers, { to: 'voting' });
    const late = await withdraw(live[1].id, tree.staffA.headers, '太晚了');
    expect(late.status).toBe(422);
    expect(late.body.error?.message).toBe('评选已进入“投票”阶段，不能再撤回推荐（只能在提名、审核阶段撤回）');
    expect(await usedA()).toBe(1);
    // public page, ranking and the metric show the one remaining nominee only
    const pub = await ok<{ nominees: { id: string }[] }>(t.app, 'GET', `/api/public/campaigns/${id}`, undefined);
    expect(pub.nominees.map((n) => n.id)).toEqual([live[1].code]);
    const results = await ok<{ items: { code: string }[] }>(t.app, 'GET', `/api/v1/campaigns/${id}/results`, tree.organizer.headers);
    expect(results.items.map((n) => n.code)).toEqual([live[1].code]);
    const [token] = await voterTokens(t.app, 1);
    expect((await call(t.app, 'POST', `/api/public/campaigns/${id}/votes`, undefined, { nomineeId: live[0].code, token })).status).toBe(404);
    expect((await call(t.app, 'POST', `/api/public/campaigns/${id}/votes`, undefined, { nomineeId: live[1].code, token })).status).toBe(201);
    expect((await nominees('campaigns.nominees')).value).toBe(1);
  });
});

describe('withdrawal at the same moment as a review or a second withdrawal', () => {
  it('one wins, the other is told so, and the quota is freed once', async () => {
    const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
      name: '并发撤回评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 2 }], winnersCount: 1,
    });
    const path = `/api/v1/campaigns/${c.id}/nominations`;
    const used = async () => (await ok<View>(t.app, 'GET', `/api/v1/campaigns/${c.id}`, tree.organizer.headers)).quotas[0].used;
    const a = await ok<{ id: string }>(t.app, 'POST', path, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[0].id, deeds: '事迹材料' });
    const b = await ok<{ id: string }>(t.app, 'POST', path, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[1].id, deeds: '事迹材料' });
    const raced = await Promise.all([
      call(t.app, 'POST', `${path}/${a.id}/withdraw`, tree.staffA.headers, { reason: '撤回' }),
      call(t.app, 'POST', `${path}/${a.id}/review`, tree.organizer.headers, { decision: 'reject', reason: '不符合条件' }),
    ]);
    // the loser either saw the winner's result (422: withdrawn / rejected already) or lost the conditional update (409)
    const codes = raced.map((r) => r.status).sort();
    expect(codes[0]).toBe(200);
    expect([409, 422]).toContain(codes[1]);
    const twice = await Promise.all([1, 2].map(() => call(t.app, 'POST', `${path}/${b.id}/withdraw`, tree.staffA.headers, { reason: '撤回' })));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await used()).toBe(0);
  });
});
