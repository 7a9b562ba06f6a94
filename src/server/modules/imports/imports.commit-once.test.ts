import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { newId } from '../../../domain/ids';
import { multipartBody, sheetBuffer } from './imports.fixtures';
import { claimUpload, type ImportUploadTable } from './uploads';

// One upload, one commit: two 确认导入 of the same upload (a double click, two tabs, two server
// instances) used to both write; the commit now claims the upload (import_uploads.batch_id = the
// batch it will write) in one conditional UPDATE, so the second gets 409 and nothing is written twice.
let t: TestApp;
let county: { id: string };
let staff: { authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'YC', name: '一次县总工会', kind: 'union' });
  staff = (await t.userWith('staff', county.id)).headers;
});
afterAll(() => t.close());

const header = ['姓名', '身份证号', '帮扶项目', '金额', '日期'];
const dryRun = async (rows: unknown[][]) => {
  const body = multipartBody(await sheetBuffer([header, ...rows] as never, { textColumns: [2] }), '台账.xlsx');
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${county.id}&dryRun=true`, payload: body.payload, headers: { ...staff, ...body.headers } });
  expect(res.statusCode).toBe(200);
  return res.json().uploadId as string;
};
const commit = (id: string) => t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${id}/commit`, payload: {}, headers: staff });
const uploadRow = (id: string) => t.sys.db.withTables<{ import_uploads: ImportUploadTable }>().selectFrom('import_uploads').select(['id', 'batch_id']).where('id', '=', id).executeTakeFirst();
const batches = async () => (await t.sys.db.selectFrom('import_batches').select('id').where('org_id', '=', county.id).execute()).map((b) => b.id);
const assistanceRows = async () => (await t.sys.db.selectFrom('assistance').select('id').where('org_id', '=', county.id).execute()).length;

describe('committing one upload', () => {
  it('two commits at once write one batch; the other is refused (409 while the first runs, 404 once it deleted the upload)', async () => {
    const id = await dryRun([['王秀英', buildIdNumber(), '送温暖', 500, '2026-01-10'], ['李桂兰', buildIdNumber(), '送温暖', 300, '2026-01-11']]);
    const before = await assistanceRows();
    const answers = await Promise.all([commit(id), commit(id)]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([404, 409]).toContain(codes[1]);
    const loser = answers.find((a) => a.statusCode !== 200);
    if (loser?.statusCode === 409) expect(loser.json().error.message).toBe('该文件正在导入（已有人提交了确认导入），请勿重复提交；稍后可在导入记录中查看结果');
    expect(await batches()).toHaveLength(1);
    expect((await assistanceRows()) - before).toBe(2);
    expect(await uploadRow(id)).toBeUndefined(); // deleted once its batch was written
  });

  it('a commit while another holds the upload gets 409 and writes nothing', async () => {
    const id = await dryRun([['刘芳', buildIdNumber(), '助学', 800, '2026-02-01']]);
    const held = newId();
    await claimUpload(t.sys, id, held); // what a running commit has done
    expect((await uploadRow(id))?.batch_id).toBe(held);
    const before = await batches();
    const res = await commit(id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(await batches()).toEqual(before);
    await expect(claimUpload(t.sys, id, newId())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a commit that writes no batch (a bad row, all or nothing) gives the upload back for another try', async () => {
    const id = await dryRun([['陈静', buildIdNumber(), '送温暖', 500, '2026-02-30']]);
    const res = await commit(id);
    expect(res.statusCode).toBe(200);
    expect(res.json().batchId).toBeNull();
    expect(await uploadRow(id)).toEqual({ id, batch_id: null });
    const again = await commit(id);
    expect(again.statusCode).toBe(200); // not 409: nothing holds it
  });

  it('the batch written carries the id the upload was claimed with', async () => {
    const id = await dryRun([['赵敏', buildIdNumber(), '送温暖', 400, '2026-03-01']]);
    const res = await commit(id);
    expect(res.statusCode).toBe(200);
    const batchId = res.json().batchId as string;
    const batch = await t.sys.db.selectFrom('import_batches').select(['id', 'accepted']).where('id', '=', batchId).executeTakeFirst();
    expect(batch).toEqual({ id: batchId, accepted: 1 });
  });
});
