import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { multipartBody, readBack, sheetBuffer, zipWith } from './imports.fixtures';
import { zipBombMessage } from './zip-guard';
import { shanghaiDate } from '../../../domain/dates';

let t: TestApp;
let county: { id: string };
let staff: { authorization: string };
let leader: { authorization: string };
const ids = Array.from({ length: 4 }, () => buildIdNumber());
let sheet: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'HX', name: '和兴县总工会', kind: 'union' });
  staff = (await t.userWith('staff', county.id)).headers;
  leader = (await t.userWith('leader', county.id)).headers;
  sheet = await sheetBuffer(
    [
      ['帮扶救助台账'],
      ['姓名', '身份证号', '帮扶项目', '金额', '日期', '备注'],
      ['王秀英', ids[0], '送温暖', 500, '2026-01-10', '=HYPERLINK("http://x")'],
      ['李桂兰', ids[1], '送温暖', 300, '2026-02-30', null],
      ['刘芳', ids[2], '助学', 800, '2026.3.1', '+86 备注'],
    ],
    { textColumns: [2] },
  );
});
afterAll(() => t.close());

const upload = (content: Buffer, query: string, headers = staff) => {
  const body = multipartBody(content, '帮扶台账.xlsx');
  return t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?${query}`, payload: body.payload, headers: { ...headers, ...body.headers } });
};

describe('import over HTTP', () => {
  let uploadId: string;
  it('a dry run stores the upload, writes nothing and previews each row', async () => {
    const res = await upload(sheet, `orgId=${county.id}&dryRun=true`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'assistance', rows: 3, accepted: 2, rejected: 1, duplicates: 0, batchId: null });
    expect(body.errors).toEqual([{ row: 4, column: '日期', message: '日期“2026-02-30”不是存在的日期' }]);
    expect(body.preview.map((p: { status: string }) => p.status)).toEqual(['ok', 'error', 'ok']);
    expect(body.preview[0].values['姓名']).toBe('王秀英');
    uploadId = body.uploadId;
    expect((await t.sys.db.selectFrom('assistance').select('id').execute()).length).toBe(0);
  });

  it('the error workbook has the original rows, a 错误说明 column and the bad cell in red', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/uploads/${uploadId}/errors.xlsx`, headers: staff });
    expect(res.statusCode).toBe(200);
    const { ws, rows } = await readBack(res.rawPayload);
    expect(rows[1]).toContain('错误说明');
    expect(rows[3][0]).toBe('李桂兰');
    expect(String(rows[3][6])).toContain('日期：日期“2026-02-30”不是存在的日期');
    expect((ws.getCell(4, 5).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell(3, 5).fill).toBeUndefined();
  });

  it('commit is all-or-nothing by default; acceptValid writes the good rows as a batch', async () => {
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${uploadId}/commit`, payload: {}, headers: staff });
    expect(refused.json()).toMatchObject({ accepted: 2, rejected: 1, batchId: null });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${uploadId}/commit`, payload: { acceptValid: true }, headers: staff });
    expect(res.statusCode).toBe(200);
    const batchId = res.json().batchId as string;
    expect(batchId).toBeTruthy();
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${uploadId}/commit`, payload: { acceptValid: true }, headers: staff });
    expect(again.statusCode).toBe(404); // the committed upload was deleted
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/imports/batches?orgId=${county.id}`, headers: staff });
    expect(list.json().items).toMatchObject([{ id: batchId, kind: 'assistance', accepted: 2, rejected: 1, status: 'committed', orgName: '和兴县总工会' }]);
    // a number people can read and quote (导入批次 2026-0001), not the UUID
    const year = shanghaiDate(t.clock.now()).slice(0, 4);
    expect(res.json().batchNumber).toBe(`${year}-0001`);
    expect(list.json().items[0].number).toBe(`${year}-0001`);
  });

  it('numbers batches per year in order, and names who imported by display name', async () => {
    const year = shanghaiDate(t.clock.now()).slice(0, 4);
    const clerk = await t.userWith('staff', county.id, 'hx-clerk');
    await t.sys.db.updateTable('users').set({ display_name: '县总工会 周敏' }).where('id', '=', clerk.id).execute();
    const second = await sheetBuffer([['帮扶救助台账'], ['姓名', '身份证号', '帮扶项目', '金额', '日期'], ['赵淑珍', ids[3], '送温暖', 200, '2026-01-12']], { textColumns: [2] });
    const res = await upload(second, `orgId=${county.id}`, clerk.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().batchNumber).toBe(`${year}-0002`);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/imports/batches/${res.json().batchId as string}`, headers: staff });
    expect(detail.json()).toMatchObject({ number: `${year}-0002`, createdBy: '县总工会 周敏' });
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/batches?orgId=${county.id}`, headers: staff })).json().items as { number: string }[];
    expect(list.map((b) => b.number)).toEqual([`${year}-0002`, `${year}-0001`]);
  });

  it('exports what is on record in the template columns, masked unless 含完整身份证号 is asked for with pii.read, neutralizing formulas', async () => {
    const masked = await t.app.inject({ method: 'GET', url: `/api/v1/assistance/export?orgId=${county.id}&from=2026-01-01&to=2026-12-31`, headers: leader });
    expect(masked.statusCode).toBe(200);
    const m = await readBack(masked.rawPayload);
    expect(m.rows[1]).toEqual(['姓名*', '身份证号*', '帮扶项目*', '帮扶形式', '金额(元)', '物资', '日期*', '资金来源', '所属组织', '备注']);
    const wang = m.rows.find((r) => r[0] === '王秀英') as unknown[];
    expect(wang[1]).toBe(`${ids[0].slice(0, 6)}********${ids[0].slice(-4)}`);
    expect(wang[9]).toBe(`'=HYPERLINK("http://x")`);
    expect(m.rows.find((r) => r[0] === '刘芳')?.[9]).toBe(`'+86 备注`);
    const before = (await t.sys.db.selectFrom('audit_log').select('id').where('action', '=', 'read_pii').execute()).length;
    // pii.read alone no longer unmasks (issue 12 item 9): masked unless 含完整身份证号 is asked for
    const staffDefault = await readBack((await t.app.inject({ method: 'GET', url: `/api/v1/assistance/export?orgId=${county.id}&from=2026-01-01&to=2026-12-31`, headers: staff })).rawPayload);
    expect(staffDefault.rows.find((r) => r[0] === '王秀英')?.[1]).toBe(`${ids[0].slice(0, 6)}********${ids[0].slice(-4)}`);
    const full = await t.app.inject({ method: 'GET', url: `/api/v1/assistance/export?orgId=${county.id}&from=2026-01-01&to=2026-12-31&fullIdNumbers=true`, headers: staff });
    const f = await readBack(full.rawPayload);
    expect(f.rows.find((r) => r[0] === '王秀英')?.[1]).toBe(ids[0]);
    expect(f.ws.getCell(3, 2).numFmt).toBe('@');
    expect((await t.sys.db.selectFrom('audit_log').select('id').where('action', '=', 'read_pii').execute()).length).toBe(before + 1);
  });

  it('undo over HTTP soft-deletes the batch', async () => {
    const batch = await t.sys.db.selectFrom('import_batches').select('id').executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/batches/${batch.id}/undo`, headers: staff });
    expect(res.json()).toMatchObject({ status: 'undone' });
    const viewer = await t.app.inject({ method: 'POST', url: `/api/v1/imports/batches/${batch.id}/undo`, headers: leader });
    expect(viewer.statusCode).toBe(403);
  });

  it('refuses an upload over 20 MB with 413 in the contract shape', async () => {
    const res = await upload(Buffer.alloc(21 * 1024 * 1024, 1), `orgId=${county.id}`);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('TOO_LARGE');
  });

  it('refuses zip bombs: a huge ratio, and a zip that lies about its size', async () => {
    const zeros = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const honest = await upload(zipWith('xl/worksheets/sheet1.xml', zeros, 50 * 1024 * 1024), `orgId=${county.id}`);
    expect(honest.statusCode).toBe(413);
    expect(honest.json().error.message).toBe(zipBombMessage);
    const big = deflateRawSync(Buffer.alloc(210 * 1024 * 1024));
    const liar = await upload(zipWith('xl/worksheets/sheet1.xml', big, 1000), `orgId=${county.id}`);
    expect(liar.statusCode).toBe(413);
    expect(liar.json().error.message).toBe(zipBombMessage);
  });

  it('serves each template with a hidden 字典 sheet, dropdowns and text ID columns', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/templates/assistance', headers: leader });
    expect(res.statusCode).toBe(200);
    const { ws, wb, rows } = await readBack(res.rawPayload);
    expect(rows[0][0]).toBe('帮扶救助台账（导入模板）');
    expect(rows[1].slice(0, 3)).toEqual(['姓名*', '身份证号*', '帮扶项目*']);
    expect(wb.getWorksheet('字典')?.state).toBe('hidden');
    expect(ws.getCell(5, 4).dataValidation).toMatchObject({ type: 'list', formulae: ['字典!$B$2:$B$5'] });
    expect(ws.getCell(3, 2).numFmt).toBe('@');
    expect(ws.getColumn(2).numFmt).toBe('@');
    for (const kind of ['people', 'activities', 'loans', 'contracts', 'households']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/imports/templates/${kind}`, headers: leader })).statusCode).toBe(200);
    }
  });
});
