import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import { call, countyTree, ok, refreshLogins, voterTokens, votingCampaign } from '../selections/selections.test-kit';
import { computeMetric, listMetricRecords } from './metrics.service';

// Selection figures over the organizing unit's subtree: nominations by nomination day, winners by
// award day, valid votes by vote day (voided votes excluded).
const clock = testClock('2026-06-15T02:00:00.000Z');
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
let awardedId: string;
const value = async (code: string, org: string, from: string, to: string) => (await computeMetric(t.sys, { code, org, from, to })).value;

beforeAll(async () => {
  t = await createTestApp({ clock });
  tree = await countyTree(t, 'MK');
  // 1: 巾帼文明岗评选, 3 nominees on 06-15 (Shanghai), public vote only, 1 winner, awarded 06-19
  awardedId = await votingCampaign(t, tree, { juryEnabled: false, publicityDays: 1, name: '2026年县级巾帼文明岗评选' }, 3);
  const tokens = await voterTokens(t.app, 5);
  for (const tk of tokens) expect((await call(t.app, 'POST', `/api/public/campaigns/${awardedId}/votes`, undefined, { nomineeId: '001', token: tk }, '10.9.0.1')).status).toBe(201);
  // 06-16 02:30 Shanghai: two night votes, voided afterwards
  clock.set('2026-06-15T18:30:00.000Z');
  for (const tk of await voterTokens(t.app, 2, '138')) expect((await call(t.app, 'POST', `/api/public/campaigns/${awardedId}/votes`, undefined, { nomineeId: '002', token: tk }, '10.9.0.2')).status).toBe(201);
  clock.set('2026-06-16T03:00:00.000Z');
  await refreshLogins(t, tree);
  await ok(t.app, 'POST', `/api/v1/campaigns/${awardedId}/votes/void`, tree.organizer.headers, { group: 'night', reason: '凌晨集中投票' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${awardedId}/advance`, tree.organizer.headers, { to: 'publicity' });
  clock.set('2026-06-19T02:00:00.000Z');
  await refreshLogins(t, tree);
  await ok(t.app, 'POST', `/api/v1/campaigns/${awardedId}/advance`, tree.organizer.headers, { to: 'awarded' });
  // 2: a 最美家庭 selection organized by 甲镇 with 2 unit nominees on 07-01 (still in nomination)
  clock.set('2026-06-30T17:00:00.000Z'); // 07-01 01:00 Shanghai
  await refreshLogins(t, tree);
  const other = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.staffA.headers, {
    name: '甲镇最美岗位', kind: '最美家庭', nomineeType: 'unit', year: 2026, awardLevel: '县级', orgId: tree.townA.id, quotas: [{ orgId: tree.townA.id, quota: 3 }],
  });
  for (const p of tree.posts.slice(0, 2)) await ok(t.app, 'POST', `/api/v1/campaigns/${other.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: p.id, deeds: '事迹' });
  await buildUnit(t.sys, { code: 'MK-C', name: 'MK丙镇妇联', kind: 'womens_federation', parentId: tree.county.id });
});
afterAll(() => t.close());

describe('campaign metrics', () => {
  it('counts nominations by nomination day (Asia/Shanghai), by kind and title, over the organizer subtree', async () => {
    expect(await value('campaigns.nominees', 'MK-CO', '2026-01-01', '2026-12-31')).toBe(5);
    expect(await value('campaigns.nominees{kind=巾帼文明岗}', 'MK-CO', '2026-06-15', '2026-06-15')).toBe(3);
    expect(await value('campaigns.nominees{kind=最美家庭}', 'MK-CO', '2026-06-01', '2026-06-30')).toBe(0); // 07-01 in Shanghai
    expect(await value('campaigns.nominees{kind=最美家庭}', 'MK-CO', '2026-07-01', '2026-07-01')).toBe(2);
    expect(await value('campaigns.nominees{title=甲镇最美岗位}', 'MK-A', '2026-01-01', '2026-12-31')).toBe(2);
    // 甲镇 nominated the county's nominees too, but the county organized that selection
    expect(await value('campaigns.nominees', 'MK-A', '2026-01-01', '2026-12-31')).toBe(2);
    expect(await value('campaigns.nominees', 'MK-C', '2026-01-01', '2026-12-31')).toBe(0);
  });

  it('counts winners by award day', async () => {
    expect(await value('campaigns.winners', 'MK-CO', '2026-06-19', '2026-06-19')).toBe(1);
    expect(await value('campaigns.winners', 'MK-CO', '2026-06-01', '2026-06-18')).toBe(0);
    expect(await value('campaigns.winners{kind=最美家庭}', 'MK-CO', '2026-01-01', '2026-12-31')).toBe(0);
    expect(await value('campaigns.winners', 'MK-A', '2026-01-01', '2026-12-31')).toBe(0);
  });

  it('counts valid votes by vote day, voided excluded, and lists them', async () => {
    expect(await value('campaigns.votes', 'MK-CO', '2026-06-01', '2026-06-30')).toBe(5);
    expect(await value('campaigns.votes', 'MK-CO', '2026-06-16', '2026-06-30')).toBe(0);
    expect(await value('campaigns.votes{title=2026年县级巾帼文明岗评选}', 'MK-CO', '2026-06-15', '2026-06-15')).toBe(5);
    expect(await value('campaigns.votes', 'MK-A', '2026-01-01', '2026-12-31')).toBe(0);
    const r = await listMetricRecords(t.sys, { code: 'campaigns.votes', org: 'MK-CO', from: '2026-06-01', to: '2026-06-30', pageSize: 50 });
    expect(r.total).toBe(5);
    expect(r.items.map((i) => i.label)).toEqual(Array(5).fill('2026年县级巾帼文明岗评选：投给 001 MK甲镇卫生院巾帼岗1'));
    const w = await listMetricRecords(t.sys, { code: 'campaigns.winners', org: 'MK-CO', from: '2026-01-01', to: '2026-12-31' });
    expect(w.items).toMatchObject([{ ledger: 'campaigns', id: awardedId, date: '2026-06-19', contribution: 1 }]);
  });
});
