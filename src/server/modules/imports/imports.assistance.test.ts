import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { idNumberAsNumberMessage } from '../../../domain/imports/cells';
import { undoBatch } from './batches.service';
import { runImport } from './import.service';
import { sheetBuffer } from './imports.fixtures';

let t: TestApp;
let county: { id: string; code: string };
let town: { id: string };
const ids = Array.from({ length: 8 }, () => buildIdNumber());
const badChecksum = `${ids[4].slice(0, 17)}${ids[4][17] === '1' ? '2' : '1'}`;
let messy: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'LDX', name: '林甸县妇联', kind: 'womens_federation' });
  town = await buildUnit(t.sys, { code: 'LDX-ZH', name: '林甸镇妇联', kind: 'womens_branch', parentId: county.id });
  const outside = await buildUnit(t.sys, { code: 'QTX', name: '其他县妇联', kind: 'womens_federation' });
  await buildUnit(t.sys, { code: 'QTX-1', name: '外县村妇联', kind: 'womens_branch', parentId: outside.id });
  await buildPerson(t.sys, { orgId: county.id, name: '张三', idNumber: ids[6] });
  messy = await sheetBuffer(
    [
      ['林甸县2025年帮扶救助台账'],
      ['填报单位：林甸县妇联', null, null, null, '填报日期：2025年12月'],
      ['序号', '姓 名', '身份证号码', '帮扶项目', '帮扶形式', '金额（万元）', '发放日期', '所属组织', '备注'],
      [1, '王秀英', ids[0], '送温暖', '现金', 0.05, new Date(Date.UTC(2025, 0, 20)), null, null],
      [2, { richText: [{ text: '李' }, { text: '桂兰', font: { bold: true } }] }, ids[1], '春蕾计划', '现金', 0.1, '2025.3.8', '林甸镇妇联', null],
      [],
      [3, '刘芳', ids[2], '助学', '现金', '0.2', '２０２５年3月8日', 'LDX-ZH', null],
      [4, '赵敏', 230623198503082000, '送温暖', '现金', 0.05, '2025/03/08', null, null],
      [5, '陈静', badChecksum, '送温暖', '现金', 0.05, '2025-3-8', null, null],
      [6, '杨红梅', ids[5], '送温暖', '现金', 0.03, '20250308', '外县村妇联', null],
      [7, '张三丰', ids[6], '送温暖', '现金', 0.03, 45724, null, null],
      [8, '周明', ids[7], '送温暖', '现金', { formula: 'F4/2', result: 0.025 }, '2025-03-08', null, '公式金额'],
      [null, '合计', null, null, null, 0.56],
      [null, null, null, null],
    ],
    { merges: ['A1:I1', 'A2:D2'], textColumns: [3] },
  );
});
afterAll(() => t.close());

const assistanceRows = () => t.sys.db.selectFrom('assistance').selectAll().where('deleted_at', 'is', null).orderBy('given_on').orderBy('amount_fen').execute();

describe('a messy real-world assistance ledger', () => {
  it('names each bad row by Excel row and column header as written; all-or-nothing writes nothing', async () => {
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: '台账.xlsx', content: messy });
    expect(r.errors).toEqual([
      { row: 8, column: '身份证号码', message: idNumberAsNumberMessage },
      { row: 9, column: '身份证号码', message: '身份证号校验位不正确，请核对' },
      { row: 10, column: '所属组织', message: '组织“外县村妇联”不存在或不在“林甸县妇联”范围内' },
      { row: 11, column: '姓 名', message: '姓名与身份证号不一致' },
    ]);
    expect(r).toMatchObject({ rows: 8, accepted: 4, rejected: 4, duplicates: 0, batchId: null });
    expect(r.warnings.some((w) => w.includes('序号'))).toBe(true);
    expect(await assistanceRows()).toHaveLength(0);
  });

  it('with acceptValid writes exactly the good rows as one batch, converting 万元 and every date style', async () => {
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: '台账.xlsx', content: messy, acceptValid: true });
    expect(r).toMatchObject({ accepted: 4, rejected: 4, duplicates: 0 });
    expect(r.batchId).toBeTruthy();
    const rows = await assistanceRows();
    expect(rows.map((a) => [a.given_on, a.amount_fen, a.org_id === town.id, a.batch_id === r.batchId])).toEqual([
      ['2025-01-20', 50000, false, true],
      ['2025-03-08', 25000, false, true],
      ['2025-03-08', 100000, true, true],
      ['2025-03-08', 200000, true, true],
    ]);
    const batch = await t.sys.db.selectFrom('import_batches').selectAll().where('id', '=', r.batchId as string).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'assistance', accepted: 4, rejected: 4, status: 'committed' });
    const audit = await t.sys.db.selectFrom('audit_log').select(['detail']).where('entity', '=', 'import_batch').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).not.toContain(ids[0]);
    const people = await t.sys.db.selectFrom('people').select(['name', 'batch_id']).where('batch_id', '=', r.batchId as string).execute();
    expect(people.map((p) => p.name).sort()).toEqual(['刘芳', '周明', '李桂兰', '王秀英'].sort());
  });

  it('re-importing the same file writes nothing and counts duplicates', async () => {
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: '台账.xlsx', content: messy, acceptValid: true });
    expect(r).toMatchObject({ accepted: 0, duplicates: 4, rejected: 4, batchId: null });
    expect(await assistanceRows()).toHaveLength(4);
  });

  it('undoing the batch soft-deletes its rows; the file then imports again', async () => {
    const batch = await t.sys.db.selectFrom('import_batches').select('id').executeTakeFirstOrThrow();
    const view = await undoBatch(t.sys, batch.id);
    expect(view.status).toBe('undone');
    const deleted = await t.sys.db.selectFrom('assistance').select(['delete_reason']).where('batch_id', '=', batch.id).execute();
    expect(deleted.map((d) => d.delete_reason)).toEqual(Array(4).fill('撤销导入批次'));
    expect(await assistanceRows()).toHaveLength(0);
    await expect(undoBatch(t.sys, batch.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const again = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: '台账.xlsx', content: messy, acceptValid: true });
    expect(again).toMatchObject({ accepted: 4, duplicates: 0 });
  });

  it('warns (does not refuse) when another unit helped the same person under the same program that year', async () => {
    const buf = await sheetBuffer([['姓名', '身份证号', '帮扶项目', '金额', '日期', '所属组织'], ['王秀英', ids[0], '送温暖', 300, '2025-06-01', '林甸镇妇联']]);
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: 'y.xlsx', content: buf });
    expect(r).toMatchObject({ accepted: 1, rejected: 0 });
    expect(r.warnings).toEqual(['第 2 行（重复帮扶预警）：王秀英 2025 年已在 林甸县妇联 获得“送温暖”帮扶']);
  });

  it('a missing required column is one error naming it, and nothing is imported', async () => {
    const buf = await sheetBuffer([['姓名', '身份证号', '金额'], ['王秀英', ids[0], 100]]);
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: 'x.xlsx', content: buf, acceptValid: true });
    expect(r.errors).toEqual([
      { row: 1, column: '帮扶项目', message: '缺少必填列“帮扶项目”' },
      { row: 1, column: '日期', message: '缺少必填列“日期”' },
    ]);
    expect(r.batchId).toBeNull();
  });
});
