import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { computeMetric, listMetricRecords } from './metrics.service';

// pairings.helpers / pairings.helped: distinct parties of the pairings formed in the period.
let t: TestApp;
type Headers = { authorization: string };
let staff: Headers;
const ids: Record<string, string> = {};
const value = async (code: string, org: string, from = '2026-01-01', to = '2026-06-30') => (await computeMetric(t.sys, { code, org, from, to })).value;

async function pair(body: object) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/pairings', headers: staff,
    payload: { helperKind: 'unit', helperRole: '巾帼文明岗', helpedKind: 'person', helpedRole: '单亲困难母亲', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-03-01', ...body },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-08-15T02:00:00.000Z');
  const county = await buildUnit(t.sys, { code: 'pp-county', name: '县妇联', kind: 'womens_federation' });
  const town = await buildUnit(t.sys, { code: 'pp-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  const other = await buildUnit(t.sys, { code: 'pp-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  ids.post1 = (await buildUnit(t.sys, { code: 'pp-g1', name: '甲镇卫生院巾帼文明岗', kind: 'womens_branch', parentId: town.id })).id;
  ids.post2 = (await buildUnit(t.sys, { code: 'pp-g2', name: '甲镇中学巾帼文明岗', kind: 'womens_branch', parentId: town.id })).id;
  staff = (await t.userWith('staff', county.id)).headers;
  for (const [k, name] of [['m1', '张桂兰'], ['m2', '李秀英'], ['m3', '王淑芬'], ['helper', '赵红']] as const) {
    ids[k] = (await buildPerson(t.sys, { orgId: town.id, name, gender: '女', birthDate: '1980-01-01' })).id;
  }
  ids.child = (await buildPerson(t.sys, { orgId: other.id, name: '孙小明', birthDate: '2016-01-01' })).id;
  await pair({ orgId: town.id, helperOrgId: ids.post1, helpedPersonId: ids.m1, startedOn: '2026-03-08' });
  await pair({ orgId: town.id, helperOrgId: ids.post1, helpedPersonId: ids.m2, startedOn: '2026-03-09' }); // the same post twice
  await pair({ orgId: town.id, helperOrgId: ids.post2, helpedPersonId: ids.m2, startedOn: '2026-04-01' }); // the same mother twice
  await pair({ orgId: town.id, helperOrgId: ids.post2, helpedPersonId: ids.m3, startedOn: '2026-07-02' }); // second half
  await pair({ orgId: other.id, helperKind: 'person', helperPersonId: ids.helper, helperRole: '爱心妈妈', helpedPersonId: ids.child, helpedRole: '留守儿童', startedOn: '2026-05-01' });
});
afterAll(() => t.close());

describe('pairing parties', () => {
  it('counts each helper and each helped person once, by role, period and unit subtree', async () => {
    expect(await value('pairings.count{helper=巾帼文明岗}', 'pp-county')).toBe(3);
    expect(await value('pairings.helpers{helper=巾帼文明岗}', 'pp-county')).toBe(2);
    expect(await value('pairings.helped{helper=巾帼文明岗,helped=单亲困难母亲}', 'pp-county')).toBe(2);
    expect(await value('pairings.helped{helper=巾帼文明岗}', 'pp-county', '2026-01-01', '2026-12-31')).toBe(3);
    expect(await value('pairings.helpers', 'pp-county')).toBe(3);
    expect(await value('pairings.helpers', 'pp-a')).toBe(2);
    expect(await value('pairings.helped', 'pp-b')).toBe(1);
    expect(await value('pairings.helpers', 'pp-a', '2026-03-09', '2026-03-31')).toBe(1);
  });

  it('lists the parties: units by name, people masked', async () => {
    const r = await listMetricRecords(t.sys, { code: 'pairings.helpers', org: 'pp-county', from: '2026-01-01', to: '2026-06-30' });
    expect(r.total).toBe(3);
    expect(r.items.map((i) => i.label).sort()).toEqual(['巾帼文明岗：甲镇中学巾帼文明岗', '巾帼文明岗：甲镇卫生院巾帼文明岗', '爱心妈妈：赵*']);
    const helped = await listMetricRecords(t.sys, { code: 'pairings.helped', org: 'pp-county', from: '2026-01-01', to: '2026-06-30' });
    expect(JSON.stringify(helped)).not.toMatch(/桂兰|秀英|小明/);
  });
});
