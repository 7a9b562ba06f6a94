import { buildPerson, buildUnit } from '../../../../test/factories';
import { newId } from '../../../domain/ids';
import type { Ctx } from '../../context';

// Test data for metrics.test.ts: a county → townships → villages tree and ledger rows inserted
// directly (the ledger services are another engineer's), so each figure is known by construction.

let seq = 0;
const stamp = '2026-06-01T00:00:00.000Z';
const ledgerCols = () => ({ natural_key: `mt-${++seq}-${newId()}`, created_at: stamp, updated_at: stamp, note: null, batch_id: null, created_by: null, deleted_at: null, delete_reason: null });
const deleted = { deleted_at: stamp, delete_reason: '录入错误' };

export async function buildTree(sys: Ctx) {
  const county = await buildUnit(sys, { code: 'M-CY', name: '某县妇联', kind: 'womens_federation' });
  const t1 = await buildUnit(sys, { code: 'M-T1', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id, establishedOn: '2000-01-01' });
  const t2 = await buildUnit(sys, { code: 'M-T2', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  const v = async (code: string, parentId: string, establishedOn: string) => buildUnit(sys, { code, name: `${code}村妇联`, kind: 'womens_branch', parentId, establishedOn });
  const v11 = await v('M-V11', t1.id, '2026-01-01');
  const v12 = await v('M-V12', t1.id, '2025-12-31');
  const v21 = await v('M-V21', t2.id, '2026-12-31');
  const v22 = await v('M-V22', t2.id, '2010-01-01');
  const v23 = await v('M-V23', t2.id, '2010-01-01');
  const v24 = await v('M-V24', t2.id, '2027-01-01');
  await sys.db.updateTable('org_units').set({ dissolved_on: '2026-12-31' }).where('id', '=', v22.id).execute();
  await sys.db.updateTable('org_units').set({ dissolved_on: '2027-01-01' }).where('id', '=', v23.id).execute();
  return { county, t1, t2, v11, v12, v21, v22, v23, v24 };
}
export type Tree = Awaited<ReturnType<typeof buildTree>>;

export async function insertActivities(sys: Ctx, u: Tree) {
  const db = sys.db;
  const add = async (id: string, orgId: string, type: string, startOn: string, sessions: number, participants: number, extra: { targets?: string; del?: boolean } = {}) => {
    await db
      .insertInto('activities')
      .values({ id, org_id: orgId, name: `活动${id}`, type, start_on: startOn, end_on: null, place: null, sessions, participants, target_groups: extra.targets ?? '', ...ledgerCols(), ...(extra.del ? deleted : {}) })
      .execute();
  };
  await add('A1', u.t1.id, '培训', '2026-01-01', 3, 50, { targets: '妇女、青年' });
  await add('A2', u.v11.id, '宣讲', '2026-12-31', 2, 30, { targets: '干部群众' });
  await add('A3', u.t2.id, '培训', '2026-05-01', 5, 100);
  await add('A4', u.t2.id, '党课', '2025-12-31', 1, 40);
  await add('A5', u.v21.id, '公益', '2027-01-01', 1, 10);
  await add('A6', u.v12.id, '培训', '2026-03-03', 9, 99, { del: true });
  await add('A7', u.v21.id, '文体', '2026-07-01', 1, 20, { targets: '妇女儿童' });
  // A3 is organized by 乙镇 with 甲镇 and one of 甲镇's villages as joint organizers, and a free-text partner
  await db
    .insertInto('activity_partners')
    .values([
      { activity_id: 'A3', position: 1, name: '甲镇妇联', org_id: u.t1.id },
      { activity_id: 'A3', position: 2, name: 'M-V11村妇联', org_id: u.v11.id },
      { activity_id: 'A3', position: 3, name: '爱心企业', org_id: null },
      { activity_id: 'A6', position: 1, name: '乙镇妇联', org_id: u.t2.id },
    ])
    .execute();
  await db
    .insertInto('activity_outcomes')
    .values([
      { activity_id: 'A1', name: '签订就业合同', value: 150, unit: '份' },
      { activity_id: 'A3', name: '签订就业合同', value: 20, unit: '份' },
      { activity_id: 'A3', name: '解决问题', value: 7, unit: '个' },
      { activity_id: 'A6', name: '签订就业合同', value: 1000, unit: '份' },
    ])
    .execute();
}

export async function insertHousehold(sys: Ctx, id: string, orgId: string, liftedOn: string | null) {
  await sys.db.insertInto('households').values({ id, org_id: orgId, head_person_id: null, name: `${id}王秀英家`, address_cipher: null, created_at: stamp, updated_at: stamp, lifted_on: liftedOn, batch_id: null }).execute();
}

export async function insertPeopleAndAssistance(sys: Ctx, u: Tree) {
  const p1 = await buildPerson(sys, { orgId: u.v11.id, name: '王秀英' });
  const p2 = await buildPerson(sys, { orgId: u.v12.id, name: '李桂兰', categories: ['困难职工'] });
  const p3 = await buildPerson(sys, { orgId: u.v21.id, name: '张小红', categories: ['困境儿童'] });
  const p4 = await buildPerson(sys, { orgId: u.v11.id, name: '刘海燕' });
  const p5 = await buildPerson(sys, { orgId: u.county.id, name: '陈丽娟' });
  await insertHousehold(sys, 'H1', u.v11.id, '2026-12-31');
  await insertHousehold(sys, 'H2', u.v12.id, '2025-06-01');
  await insertHousehold(sys, 'H3', u.v21.id, '2026-01-01');
  await insertHousehold(sys, 'H4', u.t2.id, null);
  const add = async (id: string, orgId: string, personId: string | null, householdId: string | null, program: string, form: string, fen: number, givenOn: string, extra: { funder?: string; del?: boolean } = {}) => {
    await sys.db
      .insertInto('assistance')
      .values({ id, org_id: orgId, person_id: personId, household_id: householdId, program, form, amount_fen: fen, goods: null, given_on: givenOn, funder: extra.funder ?? null, ...ledgerCols(), ...(extra.del ? deleted : {}) })
      .execute();
  };
  await add('S1', u.v11.id, p1.id, 'H1', '春蕾计划', '现金', 50000, '2026-01-01', { funder: '慈善总会' });
  await add('S2', u.v11.id, p1.id, 'H1', '春蕾计划', '物资', 12345, '2026-02-01');
  await add('S3', u.v12.id, p2.id, 'H2', '助学', '现金', 100001, '2026-12-31', { funder: '爱心企业' });
  await add('S4', u.v21.id, p3.id, null, '送温暖', '物资', 20000, '2026-06-01');
  await add('S5', u.v21.id, p3.id, null, '送温暖', '现金', 30000, '2025-12-31');
  await add('S6', u.v21.id, p4.id, null, '助学', '现金', 99999, '2026-06-02', { del: true });
  await add('S7', u.t1.id, null, 'H2', '就业援助', '就业', 0, '2026-07-01');
  return { p1, p2, p3, p4, p5 };
}

/** Borrowers inserted straight into people (not registered with any unit: they are known through their loans). */
async function insertBorrowers(sys: Ctx, n: number, orgId: string): Promise<string[]> {
  const ids = Array.from({ length: n }, () => newId());
  for (let i = 0; i < n; i += 400) {
    const rows = ids.slice(i, i + 400).map((id, k) => ({
      id,
      name: `借款人${i + k}`,
      id_index: `mt-index-${id}`,
      id_cipher: 'x',
      id_masked: '230623********0000',
      birth_date: '1990-01-01',
      gender: '女',
      org_id: orgId,
      created_at: stamp,
      updated_at: stamp,
    }));
    await sys.db.insertInto('people').values(rows).execute();
  }
  return ids;
}

export interface LoanSpec {
  orgId: string;
  personId: string;
  principalFen: number;
  subsidyFen: number;
  status: string;
  bank: string;
  disbursedOn: string | null;
  del?: boolean;
}

/**
 * 1266 loans of differing amounts (元 and 分) summing to exactly 8736 万元, disbursed in 2026 over
 * 1265 borrowers (one borrows twice) in three villages, in every later status; plus loans that must
 * not count (申请中, deleted, disbursed 2025-12-31 and 2027-01-01).
 */
export async function insertLoans(sys: Ctx, u: Tree) {
  const borrowers = await insertBorrowers(sys, 1268, u.county.id);
  const villages = [u.v11.id, u.v12.id, u.v21.id];
  const statuses = ['已放款', '已还清', '逾期', '已放款'];
  const specs: LoanSpec[] = [];
  let sum = 0;
  for (let i = 0; i < 1266; i++) {
    const principalFen = i < 1265 ? 6_000_000 + (i % 97) * 12_345 : 8_736_000_000 - sum;
    sum += principalFen;
    const day = String(2 + (i % 27)).padStart(2, '0'); // 02..28: only loans 0 and 1 sit on the year's edges
    const month = String(1 + (i % 12)).padStart(2, '0');
    specs.push({ orgId: villages[i % 3], personId: borrowers[i % 1265], principalFen, subsidyFen: 10_000 + (i % 13) * 101, status: statuses[i % 4], bank: i % 2 ? '农商行' : '邮储银行', disbursedOn: i === 0 ? '2026-01-01' : i === 1 ? '2026-12-31' : `2026-${month}-${day}` });
  }
  const outside: LoanSpec[] = [
    { orgId: u.t2.id, personId: borrowers[1265], principalFen: 1_000_000, subsidyFen: 1, status: '申请中', bank: '农商行', disbursedOn: null },
    { orgId: u.t2.id, personId: borrowers[1266], principalFen: 2_000_000, subsidyFen: 2, status: '已放款', bank: '农商行', disbursedOn: '2027-01-01' },
    { orgId: u.t2.id, personId: borrowers[1267], principalFen: 3_000_000, subsidyFen: 3, status: '已放款', bank: '农商行', disbursedOn: '2026-05-05', del: true },
    { orgId: u.t1.id, personId: borrowers[0], principalFen: 4_000_000, subsidyFen: 4, status: '已还清', bank: '农商行', disbursedOn: '2025-12-31' },
  ];
  const all = [...specs, ...outside];
  for (let i = 0; i < all.length; i += 300) {
    const rows = all.slice(i, i + 300).map((s) => ({
      id: newId(),
      org_id: s.orgId,
      person_id: s.personId,
      product_id: null,
      bank: s.bank,
      principal_fen: s.principalFen,
      term_months: 24,
      rate_bp: 435,
      subsidy_pct: 50,
      disbursed_on: s.disbursedOn,
      due_on: null,
      subsidy_fen: s.subsidyFen,
      venture: '种植',
      status: s.status,
      ...ledgerCols(),
      ...(s.del ? deleted : {}),
    }));
    await sys.db.insertInto('loans').values(rows).execute();
  }
  return { counted: specs, outside, borrowers };
}

export async function insertContractsAndDesignations(sys: Ctx, u: Tree) {
  const c = (id: string, orgId: string, type: string, signedOn: string, workers: number, del = false) => ({
    id, org_id: orgId, enterprise: `企业${id}`, type, signed_on: signedOn, expires_on: null, workers, ...ledgerCols(), ...(del ? deleted : {}),
  });
  await sys.db
    .insertInto('contracts')
    .values([c('C1', u.t1.id, '综合', '2026-03-01', 100), c('C2', u.v21.id, '女职工专项', '2026-12-31', 55), c('C3', u.t2.id, '工资专项', '2025-12-31', 10), c('C4', u.v11.id, '综合', '2026-04-01', 77, true)])
    .execute();
  const d = (orgId: string, title: string, level: string, year: number) => ({ id: newId(), org_id: orgId, title, level, year, awarded_on: null, note: null, created_at: stamp });
  const five = '五好基层妇女组织';
  await sys.db
    .insertInto('designations')
    .values([d(u.v11.id, five, '县级', 2026), d(u.v12.id, five, '县级', 2026), d(u.v23.id, five, '县级', 2026), d(u.v22.id, five, '县级', 2026), d(u.v21.id, five, '县级', 2025), d(u.t1.id, '巾帼文明岗', '省级', 2026), d(u.t2.id, '巾帼文明岗', '市级', 2026)])
    .execute();
}
