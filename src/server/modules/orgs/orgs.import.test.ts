import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { undoBatch } from '../imports/batches.service';
import { sheetBuffer } from '../imports/imports.fixtures';
import { importOrgTree } from './orgs.import';

let t: TestApp;
let rootId: string;
const header = ['上级单位编码', '上级单位名称', '单位编码', '单位名称*', '单位类型*', '行政区划代码', '成立日期', '撤销日期'];

beforeAll(async () => {
  t = await createTestApp();
  const root = await buildUnit(t.sys, { code: 'QH', name: '青禾县委', kind: 'party_committee', level: 'county', divisionCode: '231225' });
  rootId = root.id;
});
afterAll(() => t.close());

const run = async (rows: unknown[][], opts: { dryRun?: boolean; title?: boolean } = {}) =>
  importOrgTree(t.sys, { orgId: rootId, filename: 'tree.xlsx', content: await sheetBuffer([...(opts.title ? [['青禾县群团组织名录'], []] : []), header, ...rows] as never, { textColumns: [6] }), dryRun: opts.dryRun });

const units = async () => t.sys.db.selectFrom('org_units').select(['code', 'name', 'kind', 'level', 'parent_id']).orderBy('code').execute();

describe('import orgs: bad input', () => {
  it('an unknown parent names the row, the column and the code', async () => {
    const r = await run([[null, null, 'QH-FL', '青禾县妇联', '妇联'], ['QH-XX', null, null, '某村妇联', '村妇联']]);
    expect(r.batchId).toBeNull();
    expect(r.errors).toEqual([{ row: 3, column: '上级单位编码', message: '上级单位编码“QH-XX”在本文件和“青禾县委”下都找不到' }]);
    expect(r.accepted).toBe(0);
    expect((await units()).map((u) => u.code)).toEqual(['QH']);
  });

  it('an unknown parent given by name', async () => {
    const r = await run([[null, '不存在的镇妇联', null, '新华村妇联', '村妇联']]);
    expect(r.errors).toEqual([{ row: 2, column: '上级单位名称', message: '上级单位“不存在的镇妇联”在本文件和“青禾县委”下都找不到' }]);
  });

  it('a cycle among rows is reported on every row of the loop', async () => {
    const r = await run([
      ['QH-B', null, 'QH-A', '甲镇妇联', '乡镇妇联'],
      ['QH-C', null, 'QH-B', '乙村妇联', '村妇联'],
      ['QH-A', null, 'QH-C', '丙村妇联', '村妇联'],
      [null, null, 'QH-OK', '青禾县科协', '科协'],
    ]);
    expect(r.batchId).toBeNull();
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[2, '上级单位编码'], [3, '上级单位编码'], [4, '上级单位编码']]);
    expect(r.errors[0].message).toBe('上级单位形成循环：甲镇妇联 → 乙村妇联 → 丙村妇联 → 甲镇妇联');
    expect(r.rejected).toBe(3);
  });

  it('a unit that names itself as parent is a cycle', async () => {
    const r = await run([['QH-S', null, 'QH-S', '自指单位', '其他']]);
    expect(r.errors).toEqual([{ row: 2, column: '上级单位编码', message: '上级单位形成循环：自指单位 → 自指单位' }]);
  });

  it('duplicate codes in the file name the first row', async () => {
    const r = await run([[null, null, 'QH-ZGH', '青禾县总工会', '总工会'], [null, null, 'qh-zgh', '青禾县工会', '工会']]);
    expect(r.errors).toEqual([{ row: 3, column: '单位编码', message: '单位编码“qh-zgh”与第 2 行重复' }]);
  });

  it('an unknown kind lists what may be written', async () => {
    const r = await run([[null, null, 'QH-Z', '青禾县侨联', '侨联']]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 2, column: '单位类型*' });
    expect(r.errors[0].message).toMatch(/^单位类型“侨联”无法识别（可填 基层工会、村妇联、团支部/);
  });

  it('a division code of another province', async () => {
    const r = await run([[null, null, 'QH-T01', '东风镇妇联', '乡镇妇联', '370102001']]);
    expect(r.errors).toEqual([{ row: 2, column: '行政区划代码', message: '行政区划代码 370102001 属于山东省，不在本县所在的黑龙江省' }]);
  });

  it('a child of a bad row is not imported and says why', async () => {
    const r = await run([[null, null, 'QH-T02', '西风镇妇联', '乡镇妇联', '9999'], ['QH-T02', null, null, '红旗村妇联', '村妇联']]);
    expect(r.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(r.errors[1]).toEqual({ row: 3, column: '上级单位编码', message: '上级单位（第 2 行）有错误，本行未导入' });
  });

  it('a code used outside the root, a bad date order and a missing name', async () => {
    await buildUnit(t.sys, { code: 'ELSEWHERE', name: '外县单位', kind: 'other' });
    const r = await run([
      [null, null, 'ELSEWHERE', '抢用编码', '其他'],
      [null, null, 'QH-D', '撤并单位', '其他', null, '2020-05-01', '2019-01-01'],
      [null, null, 'QH-E', null, '其他'],
    ]);
    expect(r.errors).toEqual([
      { row: 2, column: '单位编码', message: '单位编码“ELSEWHERE”已被“青禾县委”以外的单位使用' },
      { row: 3, column: '撤销日期', message: '撤销日期不能早于成立日期' },
      { row: 4, column: '单位名称*', message: '单位名称为必填项' },
    ]);
  });

  it('reads synonyms of the headers and full-width headers, and ignores columns it does not know', async () => {
    const content = await sheetBuffer([
      ['上级组织代码', '组织代码', '组织名称＊', '组织类型', '负责人'],
      [null, 'QH-SYN', '同义表头测试单位', '其他', '张三'],
    ]);
    const r = await importOrgTree(t.sys, { orgId: rootId, filename: 's.xlsx', content, dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rows: 1, accepted: 1, created: 1 });
    expect(r.warnings).toEqual(['第 1 行的列“负责人”不是本表的列，已忽略']);
  });

  it('no header in the first rows', async () => {
    const r = await importOrgTree(t.sys, { orgId: rootId, filename: 'x.xlsx', content: await sheetBuffer([['随便'], ['写写']]) });
    expect(r.errors[0].message).toMatch(/^前 10 行中找不到表头/);
  });
});

describe('import orgs: the tree', () => {
  const tree = [
    // children before parents, a title row above the header, full-width code, Chinese kinds
    ['QH-FL-T01', null, null, '幸福村妇联', '村妇联', '231225100201', '2001-03-08'],
    ['ＱＨ-ＦＬ', null, 'QH-FL-T01', '东风镇妇联', '乡镇妇联', '231225100', '1998.3.8'],
    [null, null, 'QH-FL', '青禾县妇联', '妇联', '231225', '1950年3月8日'],
    [null, '东风镇妇联', null, '光明村妇联', '村妇联'],
    [null, null, 'QH-ZGH', '青禾县总工会', '总工会'],
    ['QH-ZGH', null, null, '青禾乳业有限公司工会', '企业工会'],
  ];

  it('a dry run writes nothing and counts what would be created', async () => {
    const r = await run(tree, { dryRun: true, title: true });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rows: 6, accepted: 6, created: 6, updated: 0, duplicates: 0, batchId: null });
    expect((await units()).filter((u) => u.code.startsWith('QH-'))).toEqual([]);
  });

  it('writes parents before children, generates blank codes from the parent, and re-import changes nothing', async () => {
    const r = await run(tree, { title: true });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ accepted: 6, created: 6 });
    expect(r.batchId).not.toBeNull();
    const all = await units();
    const byCode = new Map(all.map((u) => [u.code, u]));
    const id = (code: string) => t.sys.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow().then((x) => x.id);
    expect(byCode.get('QH-FL-T01-01')).toMatchObject({ name: '幸福村妇联', kind: 'womens_branch', level: 'village', parent_id: await id('QH-FL-T01') });
    expect(byCode.get('QH-FL-T01-02')).toMatchObject({ name: '光明村妇联', kind: 'womens_branch' });
    expect(byCode.get('QH-FL-T01')).toMatchObject({ level: 'township', kind: 'womens_federation' });
    expect(byCode.get('QH-ZGH-01')).toMatchObject({ kind: 'grassroots_union', level: 'enterprise' });
    const again = await run(tree, { title: true });
    expect(again).toMatchObject({ accepted: 0, duplicates: 6, batchId: null, errors: [] });
    expect(await units()).toEqual(all);
  });

  it('re-import by code updates names and kinds; undo puts them back', async () => {
    const before = await units();
    const r = await run([[null, null, 'QH-ZGH', '青禾县总工会（新）', '总工会'], ['QH-FL', null, 'QH-ZGH-01', '青禾乳业工会', '基层工会']]);
    expect(r).toMatchObject({ accepted: 2, updated: 2, created: 0, errors: [] });
    const moved = await t.sys.db.selectFrom('org_units').select(['name', 'parent_id']).where('code', '=', 'QH-ZGH-01').executeTakeFirstOrThrow();
    const fl = await t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'QH-FL').executeTakeFirstOrThrow();
    expect(moved).toEqual({ name: '青禾乳业工会', parent_id: fl.id });
    const inClosure = await t.sys.db.selectFrom('org_closure as c').innerJoin('org_units as u', 'u.id', 'c.descendant_id').select('c.depth').where('c.ancestor_id', '=', fl.id).where('u.code', '=', 'QH-ZGH-01').executeTakeFirst();
    expect(inClosure?.depth).toBe(1);
    await undoBatch(t.sys, r.batchId as string);
    expect(await units()).toEqual(before);
  });

  it('a cycle through units on record is refused', async () => {
    // QH-FL is on record above QH-FL-T01; making QH-FL a child of QH-FL-T01-01 closes a loop
    const r = await run([['QH-FL-T01-01', null, 'QH-FL', '青禾县妇联', '妇联']]);
    expect(r.errors).toEqual([{ row: 2, column: '上级单位编码', message: '上级单位形成循环：青禾县妇联 → 幸福村妇联 → 东风镇妇联 → 青禾县妇联' }]);
  });

  it('undo removes the units a batch created, unless one has been used since', async () => {
    const r = await run([[null, null, 'QH-KX', '青禾县科协', '科协'], ['QH-KX', null, null, '青禾县农技协', '农技协']]);
    expect(r.created).toBe(2);
    const kx = await t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'QH-KX').executeTakeFirstOrThrow();
    const extra = await buildUnit(t.sys, { code: 'QH-KX-HAND', name: '手工添加的单位', parentId: kx.id });
    await expect(undoBatch(t.sys, r.batchId as string)).rejects.toThrow('该批次新建的单位下已另行添加了“手工添加的单位”，不能撤销');
    await t.sys.db.deleteFrom('org_closure').where('descendant_id', '=', extra.id).execute();
    await t.sys.db.deleteFrom('org_units').where('id', '=', extra.id).execute();
    const undone = await undoBatch(t.sys, r.batchId as string);
    expect(undone.status).toBe('undone');
    expect(await t.sys.db.selectFrom('org_units').select('id').where('code', 'in', ['QH-KX', 'QH-KX-01']).execute()).toEqual([]);
  });
});
