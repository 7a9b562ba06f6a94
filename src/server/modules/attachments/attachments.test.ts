import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { buildActivity, buildContract } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type Headers = { authorization: string };
let townA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;
let activityId: string;

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

function multipart(filename: string, content: Buffer, mime = 'application/octet-stream') {
  const boundary = '----quntuan-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (h: Headers, query: string, filename: string, content: Buffer, mime?: string) => {
  const body = multipart(filename, content, mime);
  return t.app.inject({ method: 'POST', url: `/api/v1/attachments?${query}`, headers: { ...h, ...body.headers }, payload: body.payload });
};

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'county', name: '林甸县妇联' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', parentId: county.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  activityId = (await buildActivity(t.sys, { orgId: townA.id })).id;
});
afterAll(() => t.close());

describe('attachments', () => {
  it('stores a photo in the database under the record’s unit and serves it back to those who can see the record', async () => {
    const res = await upload(staffA, `entity=activities&entityId=${activityId}`, '签到表 照片.png', png, 'application/pdf');
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ entity: 'activities', entityId: activityId, orgId: townA.id, filename: '签到表 照片.png', mime: 'image/png', size: png.length });
    const list = await t.app.inject({ url: `/api/v1/attachments?entity=activities&entityId=${activityId}`, headers: staffA });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const file = await t.app.inject({ url: `/api/v1/attachments/${a.id}/file`, headers: staffA });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('签到表 照片.png')}`);
    expect(file.rawPayload.equals(png)).toBe(true);
    expect((await t.app.inject({ url: `/api/v1/attachments/${a.id}/file`, headers: staffB })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/attachments?entity=activities&entityId=${activityId}`, headers: staffB })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/attachments/${a.id}`, headers: staffB })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/attachments/${a.id}`, headers: staffA })).statusCode).toBe(204);
  });

  it('recognizes xlsx, pdf and jpeg by their bytes, not by the name or mime', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('签到').addRow(['姓名']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const contract = await buildContract(t.sys, { orgId: townA.id });
    const q = `entity=contracts&entityId=${contract.id}`;
    expect((await upload(staffA, q, 'a.bin', xlsx)).json().mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await upload(staffA, q, 'scan.pdf', Buffer.from('%PDF-1.7\n...'))).json().mime).toBe('application/pdf');
    expect((await upload(staffA, q, 'x.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).json().mime).toBe('image/jpeg');
    const exe = await upload(staffA, q, 'photo.png', Buffer.from('MZ\x90\x00 not an image'), 'image/png');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details).toContainEqual({ path: 'file', message: '只能上传 JPEG、PNG、WebP 图片，PDF，或 Excel（xlsx）、Word（docx）文件' });
    const html = await upload(staffA, q, 'x.png', Buffer.from('<html><script>alert(1)</script>'), 'image/png');
    expect(html.statusCode).toBe(400);
  });

  it('refuses files over 10 MB (413), records out of scope (404) and non-multipart bodies (400)', async () => {
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(staffA, `entity=activities&entityId=${activityId}`, 'big.png', big)).statusCode).toBe(413);
    expect((await upload(staffB, `entity=activities&entityId=${activityId}`, 'x.png', png)).statusCode).toBe(404);
    expect((await upload(staffA, 'entity=people&entityId=x', 'x.png', png)).statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: `/api/v1/attachments?entity=activities&entityId=${activityId}`, headers: staffA, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    const count = await t.sys.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_id', '=', activityId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
