import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { type ImportResult, runImport } from './import.service';
import { sheetBuffer } from './imports.fixtures';

// The importer reads, checks and writes a file a chunk of rows at a time inside one transaction.
// With chunks of 3 rows, a duplicate, a name mismatch and a bad row each fall in a later chunk
// than the row they depend on; the outcome must be exactly that of one chunk for the whole file.
let t: TestApp;
let county: { id: string };
const ids = Array.from({ length: 5 }, () => buildIdNumber());
let file: Buffer;
let clean: Buffer;

const header = ['姓名', '身份证号', '帮扶项目', '金额(元)', '日期', '所属组织'];
const rows = [
  ['王秀英', ids[0], '送温暖', 500, '2025-01-20', '甲村妇联'], // 3: new person
  ['李桂兰', ids[1], '助学', 800, '2025-02-01', null], // 4
  ['张三', ids[2], '送温暖', 300, '2025-03-01', null], // 5: on record before the import
  ['刘芳', ids[3], '助学', 200, '2025-03-02', null], // 6
  ['王秀英', ids[0], '送温暖', 500, '2025-01-20', '甲村妇联'], // 7: repeats row 3 → duplicate
  ['王秀兰', ids[0], '助学', 100, '2025-04-01', null], // 8: another name for row 3's ID number
  ['李桂兰', ids[1], '春蕾计划', 600, '2025-05-01', null], // 9: row 4's person again, other help
  ['陈静', ids[4], '送温暖', 100, '2025年13月1日', null], // 10: no such date
  ['张三', ids[2], '送温暖', 300, '2025-03-01', null], // 11: repeats row 5 → duplicate
  ['张三', ids[2], '送温暖', 300, '2025-06-01', '乙村妇联'], // 12: another unit helps 张三 the same way → warnings on 5 and 12
];

const counts = (r: ImportResult) => ({ rows: r.rows, accepted: r.accepted, rejected: r.rejected, duplicates: r.duplicates, errors: r.errors, preview: r.preview.map((p) => `${p.row}:${p.status}`) });
const written = async () => ({
  assistance: (await t.sys.db.selectFrom('assistance').select('id').execute()).length,
  people: (await t.sys.db.selectFrom('people').select('id').execute()).length,
  batches: (await t.sys.db.selectFrom('import_batches').select('id').execute()).length,
});

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'CK', name: '县妇联', kind: 'womens_federation' });
  await buildUnit(t.sys, { code: 'CK-1', name: '甲村妇联', kind: 'womens_branch', parentId: county.id });
  await buildUnit(t.sys, { code: 'CK-2', name: '乙村妇联', kind: 'womens_branch', parentId: county.id });
  await buildPerson(t.sys, { orgId: county.id, name: '张三', idNumber: ids[2] });
  file = await sheetBuffer([['县帮扶救助台账'], header, ...rows], { textColumns: [2] });
  clean = await sheetBuffer([header, ...rows.filter((_, i) => i !== 5 && i !== 7)], { textColumns: [2] });
});
afterAll(() => t.close());

describe('an import in chunks', () => {
  it('a dry run in chunks of 3 finds what one chunk finds, and writes nothing', async () => {
    const whole = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: 'a.xlsx', content: file, dryRun: true });
    const small = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: 'a.xlsx', content: file, dryRun: true, chunkRows: 3 });
    expect(counts(small)).toEqual(counts(whole));
    expect(whole).toMatchObject({ rows: 10, accepted: 6, rejected: 2, duplicates: 2 });
    expect(whole.errors).toEqual([
      { row: 8, column: '姓名', message: '姓名与身份证号不一致' },
      { row: 10, column: '日期', message: '日期“2025年13月1日”不是存在的日期' },
    ]);
    expect(whole.preview.find((p) => p.row === 7)?.status).toBe('duplicate');
    expect(await written()).toEqual({ assistance: 0, people: 1, batches: 0 });
  });

  it('all-or-nothing: rows written by earlier chunks are rolled back, and every later error is still listed', async () => {
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: 'a.xlsx', content: file, chunkRows: 3 });
    expect(r.batchId).toBeNull();
    expect(r.errors.map((e) => e.row)).toEqual([8, 10]);
    expect(r).toMatchObject({ accepted: 6, rejected: 2, duplicates: 2, warnings: [] });
    expect(await written()).toEqual({ assistance: 0, people: 1, batches: 0 });
    expect(await t.sys.db.selectFrom('audit_log').select('id').where('entity', '=', 'import_batch').execute()).toHaveLength(0);
  });

  it('acceptValid in chunks writes the good rows once, with the batch counts and the warnings of the whole file', async () => {
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: 'a.xlsx', content: file, chunkRows: 3, acceptValid: true });
    expect(r).toMatchObject({ rows: 10, accepted: 6, rejected: 2, duplicates: 2 });
    // row 5 was written three chunks before row 12: the warning still names it
    expect(r.warnings).toEqual(['第 5 行（重复帮扶预警）：张三 2025 年已在 乙村妇联 获得“送温暖”帮扶', '第 12 行（重复帮扶预警）：张三 2025 年已在 县妇联 获得“送温暖”帮扶']);
    expect(await written()).toEqual({ assistance: 6, people: 4, batches: 1 });
    const batch = await t.sys.db.selectFrom('import_batches').selectAll().where('id', '=', r.batchId as string).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ rows: 10, accepted: 6, rejected: 2, duplicates: 2, status: 'committed' });
    expect(JSON.parse(batch.errors)).toEqual(r.errors);
    const people = await t.sys.db.selectFrom('people').select(['name']).where('batch_id', '=', r.batchId as string).orderBy('name').execute();
    expect(people.map((p) => p.name)).toEqual(['刘芳', '李桂兰', '王秀英'].sort());
    const links = await t.sys.db.selectFrom('person_orgs').select('person_id').execute();
    expect(links).toHaveLength(5); // 张三 in 县妇联 (before) and 乙村妇联 (row 12), 王秀英 in 甲村妇联, 李桂兰 and 刘芳 in 县妇联
  });

  it('re-importing in chunks counts every row as a duplicate', async () => {
    const r = await runImport(t.sys, { kind: 'assistance', orgId: county.id, filename: 'b.xlsx', content: clean, chunkRows: 2 });
    expect(r).toMatchObject({ rows: 8, accepted: 0, rejected: 0, duplicates: 8, batchId: null });
    expect(await written()).toEqual({ assistance: 6, people: 4, batches: 1 });
  });
});

describe('people and households in chunks', () => {
  const pids = Array.from({ length: 3 }, () => buildIdNumber());
  const roster = () =>
    sheetBuffer([
      ['姓名', '身份证号', '人员类别', '所属组织'],
      ['赵敏', pids[0], '妇女', null], // 2
      ['孙丽', pids[1], null, '甲村妇联'], // 3
      ['赵敏', pids[0], null, '乙村妇联'], // 4: repeats row 2's ID number → duplicate
      ['赵小敏', pids[0], null, null], // 5: another name for row 2's ID number
      ['周红', pids[2], '没有的类别', null], // 6
    ]);
  const homes = () =>
    sheetBuffer([
      ['户主姓名', '户主身份证号', '住址', '所属组织'],
      ['孙丽', pids[1], '甲村1组', '甲村妇联'], // 2: head registered by the roster
      ['吴强', ids[4], '乙村2组', '乙村妇联'], // 3: a new head
      ['孙丽', pids[1], '甲村1组', '甲村妇联'], // 4: same head and unit → duplicate
      ['孙莉', pids[1], null, '乙村妇联'], // 5: another name for row 2's head
    ]);

  it('people: chunks of 2 find what one chunk finds; the good rows are written once', async () => {
    const buf = await roster();
    const whole = await runImport(t.sys, { kind: 'people', orgId: county.id, filename: 'p.xlsx', content: buf, dryRun: true });
    const small = await runImport(t.sys, { kind: 'people', orgId: county.id, filename: 'p.xlsx', content: buf, dryRun: true, chunkRows: 2 });
    expect(counts(small)).toEqual(counts(whole));
    expect(whole.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '姓名'],
      [6, '人员类别'],
    ]);
    const r = await runImport(t.sys, { kind: 'people', orgId: county.id, filename: 'p.xlsx', content: buf, chunkRows: 2, acceptValid: true });
    expect(r).toMatchObject({ accepted: 2, rejected: 2, duplicates: 1 });
    const made = await t.sys.db.selectFrom('people').select('name').where('batch_id', '=', r.batchId as string).orderBy('name').execute();
    expect(made.map((p) => p.name).sort()).toEqual(['孙丽', '赵敏'].sort());
  });

  it('households: chunks of 2 find what one chunk finds; heads are registered once', async () => {
    const buf = await homes();
    const whole = await runImport(t.sys, { kind: 'households', orgId: county.id, filename: 'h.xlsx', content: buf, dryRun: true });
    const small = await runImport(t.sys, { kind: 'households', orgId: county.id, filename: 'h.xlsx', content: buf, dryRun: true, chunkRows: 2 });
    expect(counts(small)).toEqual(counts(whole));
    expect(whole).toMatchObject({ accepted: 2, rejected: 1, duplicates: 1 });
    const r = await runImport(t.sys, { kind: 'households', orgId: county.id, filename: 'h.xlsx', content: buf, chunkRows: 2, acceptValid: true });
    expect(r).toMatchObject({ accepted: 2, rejected: 1, duplicates: 1 });
    const homesWritten = await t.sys.db.selectFrom('households').select(['name']).where('batch_id', '=', r.batchId as string).orderBy('name').execute();
    expect(homesWritten.map((h) => h.name).sort()).toEqual(['吴强户', '孙丽户'].sort());
    expect(await t.sys.db.selectFrom('people').select('id').where('batch_id', '=', r.batchId as string).execute()).toHaveLength(1); // 吴强
  });
});
