import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { computeMetric, listMetricRecords, type MetricInput } from './metrics.service';
import { buildTree, insertActivities, insertContractsAndDesignations, insertLoans, insertPeopleAndAssistance, type LoanSpec, type Tree } from './metrics.test-data';

let t: TestApp;
let u: Tree;
let loans: { counted: LoanSpec[]; borrowers: string[] };

beforeAll(async () => {
  t = await createTestApp(); // clock: 2026-06-15, so the default period is 2026
  u = await buildTree(t.sys);
  await insertActivities(t.sys, u);
  await insertPeopleAndAssistance(t.sys, u);
  loans = await insertLoans(t.sys, u);
  await insertContractsAndDesignations(t.sys, u);
}, 120_000);
afterAll(() => t.close());

const y2026 = { from: '2026-01-01', to: '2026-12-31' };
async function value(code: string, org: { code: string }, period: Partial<MetricInput> = y2026): Promise<number> {
  return (await computeMetric(t.sys, { code, org: org.code, ...period })).value;
}
async function allRecords(input: MetricInput) {
  const first = await listMetricRecords(t.sys, { ...input, pageSize: 500 });
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) items.push(...(await listMetricRecords(t.sys, { ...input, page, pageSize: 500 })).items);
  return { ...first, items };
}

describe('activities', () => {
  it('counts by subtree, an activity with joint organizers once, deleted never', async () => {
    expect(await value('activities.count', u.county)).toBe(4); // A1 A2 A3 A7
    expect(await value('activities.count', u.t1)).toBe(3); // A1 A2, and A3 through two partners of 甲镇's subtree — once
    expect(await value('activities.count', u.t2)).toBe(2); // A3 A7 (A6 is deleted although 乙镇 is its partner)
    expect(await value('activities.count', u.v11)).toBe(2); // A2, A3 as partner
    expect(await value('activities.count', u.v12)).toBe(0); // A6 deleted
    expect(await value('activities.sessions', u.county)).toBe(11);
    expect(await value('activities.sessions', u.t1)).toBe(10);
    expect(await value('activities.participants', u.county)).toBe(200);
    expect(await value('activities.participants', u.t1)).toBe(180);
  });

  it('takes inclusive period boundaries on the start date', async () => {
    expect(await value('activities.count', u.county, { from: '2026-01-02', to: '2026-12-30' })).toBe(2);
    expect(await value('activities.count', u.county, { from: '2025-12-31', to: '2025-12-31' })).toBe(1);
    expect(await value('activities.count', u.county, { from: '2027-01-01', to: '2027-01-01' })).toBe(1);
    expect(await value('activities.count', u.county, { from: '2025-01-01', to: '2027-12-31' })).toBe(6);
  });

  it('filters by type (with | as OR) and by target group', async () => {
    expect(await value('activities.count{type=培训}', u.county)).toBe(2);
    expect(await value('activities.count{type=培训|宣讲}', u.county)).toBe(3);
    expect(await value('activities.sessions{type=培训|宣讲}', u.county)).toBe(10);
    expect(await value('activities.participants{type=培训|宣讲}', u.county)).toBe(180);
    expect(await value('activities.count{target=妇女}', u.county)).toBe(1); // not 妇女儿童
    expect(await value('activities.count{type=文体,target=妇女儿童}', u.county)).toBe(1);
  });

  it('sums outcomes and carries their unit', async () => {
    const r = await computeMetric(t.sys, { code: 'activities.outcome{name=签订就业合同}', org: u.county.code, ...y2026 });
    expect([r.value, r.unit]).toEqual([170, '份']);
    expect(await value('activities.outcome{name=签订就业合同}', u.t1)).toBe(170);
    expect(await value('activities.outcome{name=签订就业合同}', u.t2)).toBe(20);
    expect(await value('activities.outcome{name=签订就业合同|解决问题}', u.t2)).toBe(27);
  });

  it('lists exactly the counted activities', async () => {
    const r = await allRecords({ code: 'activities.sessions', org: u.t1.code, ...y2026 });
    expect(r.items.map((i) => i.id).sort()).toEqual(['A1', 'A2', 'A3']);
    expect(r.items.reduce((s, i) => s + i.contribution, 0)).toBe(r.value);
    expect(r.items.find((i) => i.id === 'A3')).toMatchObject({ ledger: 'activities', date: '2026-05-01', orgName: '乙镇妇联', label: '活动A3' });
  });
});

describe('assistance and households', () => {
  it('counts records, distinct people and households, and sums 分 exactly', async () => {
    expect(await value('assistance.count', u.county)).toBe(5);
    expect(await value('assistance.beneficiaries', u.county)).toBe(3);
    expect(await value('assistance.households', u.county)).toBe(2);
    const amount = await computeMetric(t.sys, { code: 'assistance.amount', org: u.county.code, ...y2026 });
    expect([amount.value, amount.fen, amount.unit]).toEqual([1823.46, 182346, '元']);
    expect(await value('assistance.amount', u.t1)).toBe(1623.46);
    expect(await value('assistance.amount', u.t2)).toBe(200);
    expect(await value('assistance.count', u.t2, { from: '2025-12-31', to: '2025-12-31' })).toBe(1);
  });

  it('filters by program, form, category and funder', async () => {
    expect(await value('assistance.beneficiaries{program=春蕾计划|助学}', u.county)).toBe(2);
    expect(await value('assistance.amount{program=春蕾计划|助学}', u.county)).toBe(1623.46);
    expect(await value('assistance.amount{form=物资}', u.county)).toBe(323.45);
    expect(await value('assistance.amount{category=困难职工}', u.county)).toBe(1000.01);
    expect(await value('assistance.count{funder=慈善总会}', u.county)).toBe(1);
    expect(await value('assistance.households{form=就业}', u.county)).toBe(1);
  });

  it('lists the records with masked names, contributions summing to the figure', async () => {
    const b = await allRecords({ code: 'assistance.beneficiaries', org: u.county.code, ...y2026 });
    expect(b.items.map((i) => i.id).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(b.items.reduce((s, i) => s + i.contribution, 0)).toBe(3);
    expect(b.items.find((i) => i.id === 'S1')).toMatchObject({ contribution: 1, label: '王**（春蕾计划）' });
    expect(JSON.stringify(b.items)).not.toContain('秀英');
    const a = await allRecords({ code: 'assistance.amount', org: u.county.code, ...y2026 });
    expect(a.items.reduce((s, i) => s + (i.contributionFen ?? 0), 0)).toBe(182346);
  });

  it('counts households lifted out of poverty in the period', async () => {
    expect(await value('households.lifted', u.county)).toBe(2);
    expect(await value('households.lifted', u.t1)).toBe(1);
    expect(await value('households.lifted', u.county, { from: '2025-01-01', to: '2025-12-31' })).toBe(1);
  });
});

describe('loans', () => {
  const sumOf = (specs: LoanSpec[], f: (s: LoanSpec) => number) => specs.reduce((s, x) => s + f(x), 0);

  it('counts 1266 loans of 8736 万元 by disbursement date whatever their status', async () => {
    const r = await computeMetric(t.sys, { code: 'loans.amount', org: u.county.code, ...y2026 });
    expect([r.value, r.unit, r.fen]).toEqual([8736, '万元', 8_736_000_000]);
    expect(await value('loans.count', u.county)).toBe(1266);
    expect(await value('loans.borrowers', u.county)).toBe(1265);
    expect(await value('loans.subsidy', u.county)).toBe(sumOf(loans.counted, (s) => s.subsidyFen) / 100);
    expect(await value('loans.count{status=逾期}', u.county)).toBe(loans.counted.filter((s) => s.status === '逾期').length);
    expect(await value('loans.count{bank=农商行}', u.county)).toBe(633);
    expect(await value('loans.count', u.county, { from: '2025-12-31', to: '2025-12-31' })).toBe(1);
    expect(await value('loans.count', u.county, { from: '2026-01-02', to: '2026-12-30' })).toBe(1264);
  });

  it('sums a township to 4 decimals of 万元 exactly', async () => {
    const t2 = loans.counted.filter((s) => s.orgId === u.v21.id);
    const fen = sumOf(t2, (s) => s.principalFen);
    const r = await computeMetric(t.sys, { code: 'loans.amount', org: u.t2.code, ...y2026 });
    expect(r.fen).toBe(fen);
    // 422 loans of the village: 3 173 792 835 分 = 3173.792835 万元, shown to 4 decimals
    expect([t2.length, fen, r.value]).toEqual([422, 3_173_792_835, 3173.7928]);
    expect(String(r.value)).toMatch(/^\d+(\.\d{1,4})?$/);
    const records = await allRecords({ code: 'loans.amount', org: u.t2.code, ...y2026 });
    expect(records.total).toBe(t2.length);
    expect(records.items.reduce((s, i) => s + (i.contributionFen ?? 0), 0)).toBe(fen);
    expect(records.items[0].label).toMatch(/^借\*+（/);
  });
});

describe('orgs, designations, contracts and people', () => {
  it('counts units existing at the period end, new units, and designation holders', async () => {
    expect(await value('orgs.count', u.county)).toBe(7); // V22 dissolved on 12-31, V24 from 2027
    expect(await value('orgs.count{kind=womens_branch}', u.county)).toBe(4);
    expect(await value('orgs.count', u.t2)).toBe(3);
    expect(await value('orgs.count{kind=womens_branch}', u.county, { from: '2026-01-01', to: '2026-06-30' })).toBe(4); // V22 still, V21 not yet
    expect(await value('orgs.count{kind=womens_branch,designation=五好基层妇女组织}', u.county)).toBe(3);
    expect(await value('orgs.new', u.county)).toBe(2);
    expect(await value('orgs.new', u.county, { from: '2025-01-01', to: '2025-12-31' })).toBe(1);
    expect(await value('orgs.new{designation=五好基层妇女组织}', u.county)).toBe(1);
  });

  it('computes orgs.rate in the year of `to` to 2 decimals', async () => {
    const rate = await computeMetric(t.sys, { code: 'orgs.rate{kind=womens_branch,designation=五好基层妇女组织}', org: u.county.code, ...y2026 });
    expect([rate.value, rate.unit]).toEqual([75, '%']);
    expect(await value('orgs.rate{designation=五好基层妇女组织}', u.county)).toBe(42.86); // 3 of 7
    expect(await value('orgs.rate{kind=womens_branch,designation=五好基层妇女组织}', u.t2)).toBe(50);
    const r = await allRecords({ code: 'orgs.rate{kind=womens_branch,designation=五好基层妇女组织}', org: u.county.code, ...y2026 });
    expect(r.total).toBe(4);
    expect(r.items.filter((i) => i.contribution === 1).map((i) => i.label).sort()).toEqual(['M-V11村妇联', 'M-V12村妇联', 'M-V23村妇联']);
  });

  it('counts designations by title and level, and lists them', async () => {
    expect(await value('designations.count', u.county)).toBe(6);
    expect(await value('designations.count{title=巾帼文明岗}', u.county)).toBe(2);
    expect(await value('designations.count{title=巾帼文明岗,level=省级}', u.county)).toBe(1);
    const list = await allRecords({ code: 'designations.list{level=市级}', org: u.county.code, ...y2026 });
    expect(list.value).toBe(1);
    expect(list.items).toMatchObject([{ ledger: 'designations', orgName: '乙镇妇联', label: '巾帼文明岗（市级，2026年）', contribution: 1 }]);
  });

  it('counts collective contracts and workers covered', async () => {
    expect(await value('contracts.count', u.county)).toBe(2);
    expect(await value('contracts.workers', u.county)).toBe(155);
    expect(await value('contracts.workers{type=综合}', u.county)).toBe(100);
    expect(await value('contracts.count', u.t2, { from: '2025-01-01', to: '2026-12-31' })).toBe(2);
  });

  it('counts people registered by, or named in a live record of, the subtree, with category', async () => {
    const b = loans.borrowers;
    const known = (villages: string[], extra: string[]) => new Set([...loans.counted.filter((s) => villages.includes(s.orgId)).map((s) => s.personId), ...extra]).size;
    expect(await value('people.count', u.county)).toBe(5 + 1265 + 1); // + the 申请中 borrower; not the 2027 or deleted loan
    expect(await value('people.count', u.t1)).toBe(3 + known([u.v11.id, u.v12.id], [b[0]]));
    expect(await value('people.count', u.t2)).toBe(1 + known([u.v21.id], [b[1265]]));
    expect(await value('people.count{category=困难职工}', u.county)).toBe(1);
    expect(await value('people.count{category=困境儿童}', u.t1)).toBe(0);
    const r = await listMetricRecords(t.sys, { code: 'people.count{category=困难职工|困境儿童}', org: u.county.code, ...y2026 });
    expect(r.items.map((i) => i.label).sort()).toEqual(['张**', '李**']);
  });
});
