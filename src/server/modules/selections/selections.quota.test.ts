import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testClock, type TestApp } from '../../../../test/test-app';
import { call, countyTree, ok } from './selections.test-kit';

/** Quotas hold when the organizer changes a review: a rejection returns the quota, a reinstatement takes it again. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
beforeAll(async () => {
  t = await createTestApp({ clock: testClock('2026-06-15T02:00:00.000Z') });
  tree = await countyTree(t, 'SELQ');
});
afterAll(async () => t.close());

describe('a rejected nomination reinstated', () => {
  it('takes a free quota again, or is refused when the unit has used it since', async () => {
    const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
      name: '名额复核评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 1 }], winnersCount: 1,
    });
    const nominate = (unitId: string) => ok<{ id: string }>(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId, deeds: '事迹材料' });
    const review = (nid: string, decision: string, reason?: string) => call(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations/${nid}/review`, tree.organizer.headers, { decision, reason });
    const first = await nominate(tree.posts[0].id);
    expect((await review(first.id, 'reject', '材料不全')).status).toBe(200);
    expect((await review(first.id, 'accept')).status).toBe(200); // the quota is free again
    expect((await review(first.id, 'reject', '材料不全')).status).toBe(200);
    await nominate(tree.posts[1].id); // the unit uses the returned quota
    const refused = await review(first.id, 'accept');
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toContain('名额已用完');
    const after = await ok<{ quotas: { used: number }[]; counts: Record<string, number> }>(t.app, 'GET', `/api/v1/campaigns/${c.id}`, tree.organizer.headers);
    expect(after.quotas[0].used).toBe(1);
    expect(after.counts).toMatchObject({ rejected: 1, nominated: 1 });
  });
});
