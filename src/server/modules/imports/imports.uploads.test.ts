import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import { writeBackup } from '../../../cli/dump/write';
import { buildApp } from '../../app';
import { multipartBody, sheetBuffer } from './imports.fixtures';
import type { ImportUploadTable } from './uploads';
import { readCentralDirectory } from './zip-guard';

// Stored uploads (the wizard's dry run → confirm) expire QUNTUAN_UPLOAD_HOURS (24) after the
// upload: a confirm then gets a clear 404, and the file is deleted on the next upload and at start.
// They are sealed at rest, deleted once committed or cancelled, and never backed up.
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
    expect(await stored()).toEqual([fresh]); // the committed one is gone at once
  });

  it('deletes expired uploads on the next upload; a deleted one is a 404 naming expiry as a cause', async () => {
    const before = await stored();
    expect(before).toHaveLength(1);
    const next = await dryRun();
    expect(await stored()).toEqual([next]); // the 25-hour-old one went, the new one came
    const res = await commit(before[0]);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('上传的文件不存在（导入或取消后即删除）、已过期（上传后保留 24 小时）或无权访问，请重新上传');
  });

  it('deletes expired uploads when the server starts; QUNTUAN_UPLOAD_HOURS sets the period', async () => {
    clock.advance(2 * 3600_000);
    const newer = await dryRun();
    clock.advance(3 * 3600_000);
    const app = await buildApp({ config: { ...t.config, uploadHours: 4 }, database: t.database, crypto: t.crypto, now: clock.now }, { logger: false });
    await app.ready(); // the 5-hour-old upload goes, the 3-hour-old one stays
    try {
      expect(await stored()).toEqual([newer]);
    } finally {
      await app.close();
    }
  });
});

/** Every file inside a zip, inflated and joined: what `unzip -p` prints. Throws when it is not a zip. */
function unzipAll(zip: Buffer): string {
  return readCentralDirectory(zip)
    .map((e) => {
      const start = e.localOffset + 30 + zip.readUInt16LE(e.localOffset + 26) + zip.readUInt16LE(e.localOffset + 28);
      const data = zip.subarray(start, start + e.compressed);
      return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
    })
    .join('\n');
}

describe('stored uploads hold no plain personal data (issue 11, item 1)', () => {
  const ids = Array.from({ length: 200 }, () => buildIdNumber());
  let ledger: Buffer;
  const raw = () => t.sys.db.withTables<{ import_uploads: ImportUploadTable }>().selectFrom('import_uploads').selectAll();
  const upload = async (query: string, content = ledger) => {
    const body = multipartBody(content, '王秀英家帮扶台账.xlsx');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${county.id}&${query}`, payload: body.payload, headers: { ...staff, ...body.headers } });
    expect(res.statusCode).toBe(200);
    return res.json() as { uploadId: string | null; accepted: number; batchId: string | null };
  };
  beforeAll(async () => {
    const rows = ids.map((id, i) => [`帮扶对象${i}`, id, '助学', 100 + i, '2026-03-01']);
    ledger = await sheetBuffer([['姓名', '身份证号', '帮扶项目', '金额', '日期'], ...rows], { textColumns: [2] });
  });

  it('seals the stored bytes and name: no zip to unpack, no ID number in the raw bytes', async () => {
    // the attack on the plain workbook: unzip gives back every ID number
    const plain = unzipAll(ledger);
    expect(ids.filter((id) => plain.includes(id))).toHaveLength(200);
    const { uploadId } = await upload('dryRun=true');
    const row = await raw().where('id', '=', uploadId as string).executeTakeFirstOrThrow();
    const bytes = Buffer.from(row.content);
    expect(() => unzipAll(bytes)).toThrow();
    expect(bytes.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    expect(ids.filter((id) => bytes.includes(Buffer.from(id)) || bytes.includes(Buffer.from(id, 'utf16le')))).toEqual([]);
    expect(row.filename).not.toContain('王秀英');
    // the server itself still opens it
    expect(t.crypto.openBytes(bytes).equals(ledger)).toBe(true);
  });

  it('deletes the upload when its import is committed', async () => {
    const { uploadId } = await upload('dryRun=true');
    const res = await commit(uploadId as string);
    expect(res.json()).toMatchObject({ accepted: 200 });
    expect(await raw().where('id', '=', uploadId as string).execute()).toEqual([]);
    expect((await commit(uploadId as string)).statusCode).toBe(404);
    // an import written straight away stores nothing at all
    const before = (await raw().execute()).length;
    const more = await sheetBuffer([['姓名', '身份证号', '帮扶项目', '金额', '日期'], ['帮扶对象0', ids[0], '送温暖', 300, '2026-04-01']], { textColumns: [2] });
    const direct = await upload('acceptValid=true', more);
    expect(direct).toMatchObject({ uploadId: null, batchId: expect.any(String) });
    expect((await raw().execute()).length).toBe(before);
  });

  it('deletes the upload when the import is cancelled; only within the caller’s scope', async () => {
    const { uploadId } = await upload('dryRun=true');
    const other = await buildUnit(t.sys, { code: 'UP-2', name: '另一县总工会', kind: 'union' });
    const stranger = (await t.userWith('staff', other.id)).headers;
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/imports/uploads/${uploadId}`, headers: stranger });
    expect(refused.statusCode).toBe(404);
    expect(await raw().where('id', '=', uploadId as string).execute()).toHaveLength(1);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/imports/uploads/${uploadId}`, headers: staff });
    expect(res.statusCode).toBe(204);
    expect(await raw().where('id', '=', uploadId as string).execute()).toEqual([]);
    expect((await commit(uploadId as string)).statusCode).toBe(404);
  });

  it('keeps uploads out of backups', async () => {
    const { uploadId } = await upload('dryRun=true');
    expect(await raw().where('id', '=', uploadId as string).execute()).toHaveLength(1);
    const file = join(t.config.dataDir, 'backup.jsonl.gz');
    const summary = await writeBackup(t.database, file, { keyCheck: null, now: clock.now });
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(summary.tables.map((x) => x.name)).not.toContain('import_uploads');
    expect(summary.tables.map((x) => x.name)).toContain('assistance');
    expect(text).not.toContain('import_uploads');
    expect(text).not.toContain(uploadId as string);
    expect(ids.filter((id) => text.includes(id))).toEqual([]);
  });
});
