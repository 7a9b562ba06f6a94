import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import { buildApp } from '../../app';
import { multipartBody, sheetBuffer } from './imports.fixtures';

// Stored uploads (the wizard's dry run → confirm) expire QUNTUAN_UPLOAD_HOURS (24) after the
// upload: a confirm then gets a clear 404, and the file is deleted on the next upload and at start.
const clock = testClock('2026-11-28T02:00:00.000Z');
let t: TestApp;
let county: { id: string };
let staff: { authorization: string };
let sheet: Buffer;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { sessionHours: 1000 } }); // one sign-in for the whole test
  county = await buildUnit(t.sys, { code: 'UP', name: '上传县总工会', kind: 'union' });
  staff = (await t.userWith('staff', county.id)).headers;
  sheet = await sheetBuffer([['姓名', '身份证号', '帮扶项目', '金额', '日期'], ['王秀英', buildIdNumber(), '送温暖', 500, '2026-01-10']], { textColumns: [2] });
});
afterAll(() => t.close());

const dryRun = async () => {
  const body = multipartBody(sheet, '台账.xlsx');
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${county.id}&dryRun=true`, payload: body.payload, headers: { ...staff, ...body.headers } });
  expect(res.statusCode).toBe(200);
  return res.json().uploadId as string;
};
const commit = (id: string) => t.app.inject({ method: 'POST', url: `/api/v1/imports/uploads/${id}/commit`, payload: {}, headers: staff });
const stored = async () => (await t.sys.db.withTables<{ import_uploads: { id: string } }>().selectFrom('import_uploads').select('id').execute()).map((r) => r.id);

describe('stored uploads expire', () => {
  it('keeps an upload for 24 hours, then a confirm is a 404 that says it expired', async () => {
    const fresh = await dryRun();
    clock.advance(23 * 3600_000);
    const old = await dryRun();
    clock.advance(2 * 3600_000); // `fresh` is 25 hours old, `old` 2 hours
    const expired = await commit(fresh);
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error).toMatchObject({ code: 'NOT_FOUND', message: '上传的文件已过期（上传后保留 24 小时），请重新上传' });
    const errorsBook = await t.app.inject({ method: 'GET', url: `/api/v1/imports/uploads/${fresh}/errors.xlsx`, headers: staff });
    expect(errorsBook.statusCode).toBe(404);
    const ok = await commit(old);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ accepted: 1 });
  });

  it('deletes expired uploads on the next upload; a deleted one is a 404 naming expiry as a cause', async () => {
    const before = await stored();
    expect(before).toHaveLength(2);
    const next = await dryRun();
    const after = await stored();
    expect(after).toHaveLength(2); // the 25-hour-old one went, the new one came
    expect(after).toContain(next);
    const gone = before.find((id) => !after.includes(id)) as string;
    const res = await commit(gone);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('上传的文件不存在、已过期（上传后保留 24 小时）或无权访问，请重新上传');
  });

  it('deletes expired uploads when the server starts; QUNTUAN_UPLOAD_HOURS sets the period', async () => {
    clock.advance(3 * 3600_000);
    const app = await buildApp({ config: { ...t.config, uploadHours: 4 }, database: t.database, crypto: t.crypto, now: clock.now }, { logger: false });
    await app.ready(); // the 5-hour-old upload goes, the 3-hour-old one stays
    try {
      expect(await stored()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
