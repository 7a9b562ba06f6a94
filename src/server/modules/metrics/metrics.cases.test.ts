import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import type { CreateCaseBody } from '../cases/cases.schemas';
import { transitionCase } from '../cases/cases.flow';
import { createCase } from '../cases/cases.service';
import { computeMetric, listMetricRecords } from './metrics.service';

let t: TestApp;
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let handlerId: string;

/** Registers a case on `registered` (Asia/Shanghai noon) and, when `closed` is given, works it through to 办结 that day. */
async function buildCase(orgId: string, body: Partial<CreateCaseBody>, registered: string, closed?: { on: string; outcome: '化解' | '调解成功' | '转介' | '其他' }) {
  t.clock.set(`${registered}T04:00:00.000Z`);
  const c = await createCase(t.sys, { kind: '信访', channel: '来访', summary: '案情', parties: [], orgId, ...body } as CreateCaseBody);
  if (!closed) return c;
  await transitionCase(t.sys, c.id, { action: 'accept' });
  await transitionCase(t.sys, c.id, { action: 'assign', handlerId });
  t.clock.set(`${closed.on}T04:00:00.000Z`);
  await transitionCase(t.sys, c.id, { action: 'close', outcome: closed.outcome, outcomeText: '办结' });
  return c;
}

const value = async (code: string, org: string, from: string, to: string) => (await computeMetric(t.sys, { code, org, from, to })).value;

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'mc-county', name: '县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'mc-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'mc-a1', name: '甲村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'mc-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  handlerId = (await t.userWith('case_worker', county.id)).id;
  await buildCase(townA.id, { kind: '信访' }, '2026-03-02', { on: '2026-03-20', outcome: '化解' });
  await buildCase(villageA.id, { kind: '信访', channel: '来电' }, '2026-03-03', { on: '2026-03-25', outcome: '化解' });
  await buildCase(villageA.id, { kind: '信访' }, '2026-03-04', { on: '2026-03-26', outcome: '其他' });
  await buildCase(villageA.id, { kind: '信访' }, '2026-02-10', { on: '2026-03-05', outcome: '化解' }); // registered in February
  await buildCase(townA.id, { kind: '纠纷调解', subkind: '婆媳' }, '2026-03-05', { on: '2026-03-15', outcome: '调解成功' });
  await buildCase(villageA.id, { kind: '纠纷调解', subkind: '夫妻' }, '2026-03-06', { on: '2026-03-30', outcome: '调解成功' });
  await buildCase(townA.id, { kind: '纠纷调解', subkind: '抚养' }, '2026-03-07', { on: '2026-04-02', outcome: '调解成功' }); // closed in April
  await buildCase(townA.id, { kind: '家庭暴力', summary: '保密案情' }, '2026-03-08', { on: '2026-03-18', outcome: '化解' });
  await buildCase(townA.id, { kind: '信访' }, '2026-03-01'); // never accepted: due 03-16
  await buildCase(townB.id, { kind: '信访' }, '2026-03-09', { on: '2026-03-19', outcome: '化解' });
  await buildCase(townB.id, { kind: '纠纷调解', subkind: '邻里' }, '2026-03-10', { on: '2026-03-21', outcome: '调解成功' });
});
afterAll(() => t.close());

describe('case metrics', () => {
  it('counts cases registered in the period by kind, over the subtree', async () => {
    expect(await value('cases.count{kind=信访}', 'mc-a', '2026-03-01', '2026-03-31')).toBe(4);
    expect(await value('cases.count{kind=信访}', 'mc-a', '2026-02-01', '2026-03-31')).toBe(5);
    expect(await value('cases.count{kind=信访}', 'mc-a1', '2026-03-01', '2026-03-31')).toBe(2);
    expect(await value('cases.count{kind=信访}', 'mc-county', '2026-03-01', '2026-03-31')).toBe(5);
    expect(await value('cases.count{channel=来电}', 'mc-county', '2026-01-01', '2026-12-31')).toBe(1);
    expect(await value('cases.count', 'mc-a', '2026-03-01', '2026-03-31')).toBe(8);
  });

  it('counts cases closed in the period by kind and outcome', async () => {
    expect(await value('cases.resolved{kind=纠纷调解}', 'mc-a', '2026-03-01', '2026-03-31')).toBe(2);
    expect(await value('cases.resolved{kind=纠纷调解}', 'mc-a', '2026-03-01', '2026-04-30')).toBe(3);
    expect(await value('cases.resolved{kind=纠纷调解}', 'mc-county', '2026-03-01', '2026-03-31')).toBe(3);
    expect(await value('cases.resolved{kind=信访,outcome=化解}', 'mc-a', '2026-03-01', '2026-03-31')).toBe(3);
    expect(await value('cases.resolved{kind=信访,outcome=化解}', 'mc-a', '2026-03-10', '2026-03-31')).toBe(2);
    expect(await value('cases.resolved{kind=信访,outcome=化解}', 'mc-county', '2026-03-01', '2026-03-31')).toBe(4);
    expect(await value('cases.resolved{outcome=化解}', 'mc-a', '2026-03-01', '2026-03-31')).toBe(4); // 3 信访 + 1 家庭暴力
  });

  it('counts cases overdue at the period’s end', async () => {
    expect(await value('cases.overdue', 'mc-a', '2026-03-01', '2026-03-16')).toBe(0);
    expect(await value('cases.overdue', 'mc-a', '2026-03-01', '2026-03-17')).toBe(1);
    expect(await value('cases.overdue{kind=纠纷调解}', 'mc-county', '2026-03-01', '2026-03-31')).toBe(0);
    expect(await value('cases.overdue', 'mc-b', '2026-01-01', '2026-12-31')).toBe(0);
  });

  it('lists confidential cases only as 保密个案', async () => {
    const r = await listMetricRecords(t.sys, { code: 'cases.resolved{outcome=化解}', org: 'mc-a', from: '2026-03-01', to: '2026-03-31', pageSize: 50 });
    expect(r.total).toBe(4);
    expect(r.items.map((i) => i.label)).toContain('保密个案');
    expect(r.items.filter((i) => i.label === '保密个案')).toHaveLength(1);
    expect(r.items.reduce((s, i) => s + i.contribution, 0)).toBe(r.value);
    expect(JSON.stringify(r)).not.toContain('家庭暴力');
  });
});
