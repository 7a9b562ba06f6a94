import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../../cli/commands/import';
import { InputError, UsageError } from '../../../cli/support';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { runImport } from './import.service';
import { multipartBody, readBack, sheetBuffer } from './imports.fixtures';
import { buildTemplate } from './templates';

/**
 * A township clerk's own assistance ledger: a title row, then headers that are not the template's
 * (困难户, 证件, 类别, 领取日, 救助款（元）, 所在村). The preview names the missing fields and shows each
 * column with its first values and a suggested field; with the clerk's mapping it imports, the
 * mapping is saved for the unit and used again for the next file with the same headers.
 */
let t: TestApp;
let town: { id: string; code: string };
let village: { id: string };
let clerk: { authorization: string };
let other: { authorization: string };
const ids = Array.from({ length: 6 }, () => buildIdNumber({ gender: '女' }));
const title = '东风镇2026年困难群众救助台账';
const headers = ['序号', '困难户', '证件', '类别', '领取日', '救助款（元）', '所在村'];
const day = (d: string) => new Date(`${d}T00:00:00Z`);

const ledger = (rows: ExcelJS.CellValue[][]) => sheetBuffer([[title], headers, ...rows], { textColumns: [3], merges: ['A1:G1'] });
const mapping = { 序号: null, 困难户: 'name', 证件: 'idNumber', 类别: 'program', 领取日: 'givenOn', '救助款（元）': 'amount', 所在村: 'org' };

beforeAll(async () => {
  t = await createTestApp();
  town = await buildUnit(t.sys, { code: 'DF', name: '东风镇妇联', kind: 'womens_federation' });
  village = await buildUnit(t.sys, { code: 'DF-1', name: '东风村妇联', kind: 'womens_branch', parentId: town.id });
  const elsewhere = await buildUnit(t.sys, { code: 'XF', name: '西丰镇妇联', kind: 'womens_federation' });
  clerk = (await t.userWith('staff', town.id)).headers;
  other = (await t.userWith('staff', elsewhere.id)).headers;
});
afterAll(() => t.close());

const upload = (content: Buffer, query = '') => {
  const body = multipartBody(content, '救助台账.xlsx');
  return t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${town.id}&dryRun=true${query}`, payload: body.payload, headers: { ...clerk, ...body.headers } });
};

describe('a clerk’s own ledger, mapped column by column', () => {
  let uploadId: string;
  const first = () =>
    ledger([
      [1, '王秀英', ids[0], '送温暖', day('2026-01-20'), 500, '东风村妇联'],
      [2, '李桂兰', ids[1], '金秋助学', day('2026-01-21'), 800, '东风村妇联'],
      [3, '刘芳', ids[2], '送温暖', day('2026-01-22'), 300.5, '东风村妇联'],
    ]);

  it('previews the columns with their first values and suggestions, and names the missing fields', async () => {
    const res = await upload(await first());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rows: 0, accepted: 0, batchId: null });
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual(['缺少必填列“姓名”', '缺少必填列“身份证号”', '缺少必填列“帮扶项目”', '缺少必填列“日期”']);
    expect(body.mapping.headerRow).toBe(2); // under the title row
    expect(body.mapping.missing).toEqual(['姓名', '身份证号', '帮扶项目', '日期']);
    const col = (h: string) => body.mapping.columns.find((c: { header: string }) => c.header === h);
    expect(body.mapping.columns.map((c: { header: string }) => c.header)).toEqual(headers);
    expect(col('领取日').samples).toEqual(['2026年1月20日', '2026年1月21日', '2026年1月22日']); // never 46042
    expect(col('困难户').samples).toEqual(['王秀英', '李桂兰', '刘芳']);
    const suggested = Object.fromEntries(body.mapping.columns.map((c: { header: string; suggested: string | null }) => [c.header, c.suggested]));
    expect(suggested).toEqual({ ...mapping, 序号: null });
    expect(col('证件').reason).toBe('内容像身份证号');
    expect(col('所在村').reason).toBe('内容是本单位或下级单位的名称');
    expect(body.mapping.fields.find((f: { key: string }) => f.key === 'amount')).toEqual({ key: 'amount', label: '金额（元）', required: false });
    uploadId = body.uploadId;
  });

  it('previews the stored upload again with the clerk’s mapping: every row good, dates shown as dates', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${uploadId}/preview`, payload: { mapping }, headers: clerk });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ uploadId, rows: 3, accepted: 3, rejected: 0, errors: [] });
    expect(body.mapping.missing).toEqual([]);
    expect(body.preview[0].values).toMatchObject({ 困难户: '王秀英', 领取日: '2026年1月20日', 所在村: '东风村妇联' });
    expect(body.warnings).toEqual([]); // 序号 skipped: no warning
    expect((await t.sys.db.selectFrom('assistance').select('id').execute()).length).toBe(0);
  });

  it('refuses a mapping to a field the ledger does not have, naming the choices in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${uploadId}/preview`, payload: { mapping: { ...mapping, 序号: '身高' } }, headers: clerk });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('“身高”不是帮扶救助台账的字段');
  });

  it('commits with the mapping, saves it under a name, and the rows land in the named village', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${uploadId}/commit`, payload: { mapping, saveMapping: '东风镇救助台账' }, headers: clerk });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 3, rejected: 0 });
    expect(res.json().batchId).toBeTruthy();
    const rows = await t.sys.db.selectFrom('assistance').select(['org_id', 'given_on', 'program', 'amount_fen']).orderBy('given_on').execute();
    expect(rows).toEqual([
      { org_id: village.id, given_on: '2026-01-20', program: '送温暖', amount_fen: 50000 },
      { org_id: village.id, given_on: '2026-01-21', program: '金秋助学', amount_fen: 80000 },
      { org_id: village.id, given_on: '2026-01-22', program: '送温暖', amount_fen: 30050 },
    ]);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/imports/mappings?kind=assistance&orgId=${town.id}`, headers: clerk });
    expect(list.json().items).toMatchObject([{ name: '东风镇救助台账', kind: 'assistance', orgId: town.id, headers, mapping }]);
    const outside = await t.app.inject({ method: 'GET', url: '/api/v1/imports/mappings', headers: other });
    expect(outside.json().items).toEqual([]);
  });

  it('reads the next file with the same headers by the saved mapping, without asking', async () => {
    const next = await ledger([[1, '赵淑芬', ids[3], '送温暖', day('2026-02-10'), 400, '东风村妇联']]);
    const body = (await upload(next)).json();
    expect(body).toMatchObject({ rows: 1, accepted: 1, errors: [] });
    expect(body.mapping).toMatchObject({ saved: '东风镇救助台账', missing: [] });
    // another unit's clerk with the same headers is not offered it
    const elsewhere = multipartBody(next, 'x.xlsx');
    const theirs = await t.app.inject({ method: 'POST', url: '/api/v1/imports/assistance?dryRun=true', payload: elsewhere.payload, headers: { ...other, ...elsewhere.headers } });
    expect(theirs.json().mapping.saved).toBeNull();
    expect(theirs.json().accepted).toBe(0);
  });

  it('takes the mapping as JSON on the upload itself, and the error workbook shows dates as dates', async () => {
    const bad = await ledger([
      [1, '孙丽华', ids[4], '送温暖', day('2026-03-08'), 500, '东风村妇联'],
      [2, '周美玲', ids[5], '送温暖', day('2026-03-09'), -5, '东风村妇联'],
    ]);
    const res = await upload(bad, `&mapping=${encodeURIComponent(JSON.stringify({ ...mapping, 所在村: null }))}`);
    const body = res.json();
    expect(body).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(body.errors).toEqual([{ row: 4, column: '救助款（元）', message: '金额不能为负数' }]);
    expect(body.mapping.saved).toBeNull(); // an explicit mapping wins over the saved one
    const book = await t.app.inject({ method: 'GET', url: `/api/v1/imports/uploads/${body.uploadId}/errors.xlsx?mapping=${encodeURIComponent(JSON.stringify(mapping))}`, headers: clerk });
    expect(book.statusCode).toBe(200);
    const { ws } = await readBack(book.rawPayload);
    const cell = ws.getCell(4, 5);
    expect(cell.value).toEqual(day('2026-03-09'));
    expect(cell.numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(String(ws.getCell(4, 8).value)).toContain('救助款（元）：金额不能为负数');
  });
});

describe('the template and the CLI', () => {
  it('never imports the template’s own example row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate('assistance')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    ws.getRow(4).values = ['何小梅', buildIdNumber({ gender: '女' }), '送温暖', '现金', 200, null, '2026-04-01'];
    const r = await runImport(t.sys, { kind: 'assistance', orgId: town.id, filename: 'template.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()), dryRun: true });
    expect(r).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
    expect(r.preview.map((p) => p.row)).toEqual([4]);
    expect(r.warnings).toContain('第 3 行是模板自带的示例行，未导入');
  });

  it('--map names the columns, --save-mapping keeps them, --mapping uses them by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quntuan-map-'));
    const file = join(dir, '台账.xlsx');
    const other = ['姓名', '公民身份证', '救助类型', '发放时间', '款项'];
    const id = buildIdNumber({ gender: '男' });
    writeFileSync(file, await sheetBuffer([['西村救助'], other, ['钱广生', id, '送温暖', day('2026-05-01'), 260]], { textColumns: [2] }));
    const lines: string[] = [];
    const env = { config: t.config, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    // without a mapping: the columns are listed with their suggestions
    expect(await runImportCommand(['assistance', file, '--org', 'DF', '--dry-run'], env)).toBe(1);
    expect(lines.join('\n')).toContain('公民身份证：');
    expect(lines.join('\n')).toContain('款项：260  建议 金额（元）');
    lines.length = 0;
    expect(await runImportCommand(['assistance', file, '--org', 'DF', '--map', '公民身份证=身份证号', '--map', '款项=金额', '--map', '救助类型=帮扶项目', '--dry-run', '--save-mapping', '西村救助'], env)).toBe(0);
    expect(lines.join('\n')).toContain('列对应已保存为“西村救助”');
    lines.length = 0;
    expect(await runImportCommand(['assistance', file, '--org', 'DF', '--mapping', '西村救助', '--json'], env)).toBe(0);
    expect(JSON.parse(lines[0])).toMatchObject({ kind: 'assistance', rows: 1, accepted: 1, rejected: 0 });
    // exit 2 (usage) and exit 1 (input), as the CLI's main maps these errors
    await expect(runImportCommand(['assistance', file, '--org', 'DF', '--map', '款项=身高'], env)).rejects.toThrow(UsageError);
    await expect(runImportCommand(['assistance', file, '--org', 'DF', '--mapping', '没有这个'], env)).rejects.toThrow(new InputError('本单位没有名为“没有这个”的帮扶救助台账列对应'));
  });
});
