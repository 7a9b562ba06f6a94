import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { undoBatch } from './batches.service';
import { runImport } from './import.service';
import { sheetBuffer } from './imports.fixtures';

let t: TestApp;
let county: { id: string };
let town: { id: string };
const ids = Array.from({ length: 4 }, () => buildIdNumber());

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'KX', name: '康兴县妇联', kind: 'womens_federation' });
  town = await buildUnit(t.sys, { code: 'KX-1', name: '康兴镇妇联', kind: 'womens_branch', parentId: county.id });
  await buildUnit(t.sys, { code: 'RS', name: '县人社局', kind: 'other' });
});
afterAll(() => t.close());

const run = (kind: 'people' | 'activities' | 'loans', content: Buffer, extra: { acceptValid?: boolean } = {}) =>
  runImport(t.sys, { kind, orgId: county.id, filename: `${kind}.xlsx`, content, ...extra });

describe('people import', () => {
  it('registers people with categories and phones; re-import is all duplicates; undo removes the people it created', async () => {
    const buf = await sheetBuffer([
      ['人员名册'],
      ['姓名*', '公民身份号码', '联系电话', '人员类别', '所属组织', '民族'],
      ['王秀英', ids[0], 13904591234, '困难职工、妇女', '康兴镇妇联', '汉族'],
      ['李桂兰', ids[1], null, '党员;志愿者', null, '满族'],
      ['李桂兰', ids[1], null, null, null, null],
      ['刘芳', ids[2], null, '不存在的类别', null, null],
    ]);
    const r = await run('people', buf, { acceptValid: true });
    expect(r.errors).toEqual([{ row: 6, column: '人员类别', message: '人员类别“不存在的类别”未定义，请先在人员类别中添加' }]);
    expect(r).toMatchObject({ rows: 4, accepted: 2, rejected: 1, duplicates: 1 });
    const wang = await t.sys.db.selectFrom('people').selectAll().where('name', '=', '王秀英').executeTakeFirstOrThrow();
    expect(wang).toMatchObject({ phone_masked: '139****1234', org_id: town.id, batch_id: r.batchId });
    expect(t.crypto.decrypt(wang.id_cipher)).toBe(ids[0]);
    const cats = await t.sys.db.selectFrom('person_categories').select('category').where('person_id', '=', wang.id).orderBy('category').execute();
    expect(cats.map((c) => c.category).sort()).toEqual(['困难职工', '妇女'].sort());
    const again = await run('people', buf, { acceptValid: true });
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, batchId: null });
    await undoBatch(t.sys, r.batchId as string);
    expect(await t.sys.db.selectFrom('people').select('id').where('batch_id', '=', r.batchId as string).execute()).toHaveLength(0);
  });
});

describe('activities import', () => {
  it('stores 联合单位 (linked when a unit has that name) and 成果 as typed pairs', async () => {
    const buf = await sheetBuffer([
      ['活动名称', '活动类型', '活动日期', '参加人数', '期数', '主办单位', '联合单位', '成果'],
      ['巾帼家政培训', '培训', '2026-03-08', 120, null, 'KX-1', '县人社局、县职教中心', '签订就业合同150份；解决问题235个'],
      ['三八宣讲', '宣讲', '2026年3月8日', '８０', 2, null, null, null],
      ['坏成果', '培训', '2026-03-09', 10, null, null, null, '很多'],
    ]);
    const r = await run('activities', buf, { acceptValid: true });
    expect(r.errors).toEqual([{ row: 4, column: '成果', message: '成果“很多”应写成“名称+数量+单位”，如 签订就业合同150份' }]);
    const acts = await t.sys.db.selectFrom('activities').selectAll().orderBy('name').execute();
    expect(acts.map((a) => [a.name, a.sessions, a.participants, a.org_id === town.id])).toEqual([
      ['三八宣讲', 2, 80, false],
      ['巾帼家政培训', 1, 120, true],
    ]);
    const id = acts.find((a) => a.name === '巾帼家政培训')?.id as string;
    const partners = await t.sys.db.selectFrom('activity_partners').select(['name', 'org_id']).where('activity_id', '=', id).orderBy('position').execute();
    expect(partners.map((p) => [p.name, p.org_id !== null])).toEqual([['县人社局', true], ['县职教中心', false]]);
    const outcomes = await t.sys.db.selectFrom('activity_outcomes').select(['name', 'value', 'unit']).where('activity_id', '=', id).orderBy('name').execute();
    expect(outcomes).toEqual([
      { name: '签订就业合同', value: 150, unit: '份' },
      { name: '解决问题', value: 235, unit: '个' },
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
  });
});

describe('loans import', () => {
  it('reads 万元 and 元 headers exactly; 放款日期 may be blank only while 申请中', async () => {
    const wan = await sheetBuffer([
      ['借款人', '身份证号', '贷款金额（万元）', '放款日期', '期限(月)', '贴息金额(元)', '状态'],
      ['王秀英', ids[0], 10, '2026-04-10', 24, 4350.5, null],
      ['周明', ids[3], 5.5, null, null, null, '申请中'],
      ['李桂兰', ids[1], 3, null, null, null, '已放款'],
    ]);
    const r = await run('loans', wan, { acceptValid: true });
    expect(r.errors).toEqual([{ row: 4, column: '放款日期', message: '已放款的贷款须填写放款日期' }]);
    const yuan = await sheetBuffer([
      ['姓名', '身份证号', '贷款金额(元)', '放款日期'],
      ['刘芳', ids[2], 80000, '2026-05-01'],
    ]);
    expect(await run('loans', yuan)).toMatchObject({ accepted: 1, rejected: 0 });
    const loans = await t.sys.db.selectFrom('loans').select(['principal_fen', 'subsidy_fen', 'status', 'due_on']).orderBy('principal_fen').execute();
    expect(loans).toEqual([
      { principal_fen: 5_500_000, subsidy_fen: 0, status: '申请中', due_on: null },
      { principal_fen: 8_000_000, subsidy_fen: 0, status: '已放款', due_on: null },
      { principal_fen: 10_000_000, subsidy_fen: 435_050, status: '已放款', due_on: '2028-04-10' },
    ]);
  });
});
