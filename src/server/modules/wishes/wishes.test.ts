import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { computeMetric } from '../metrics/metrics.service';
import { donorToken, uploadPhoto } from './wishes.test-kit';

let t: TestApp;
type Headers = { authorization: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;
let child: string;
let grandma: string;

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
const pub = (method: 'GET' | 'POST', url: string, payload?: object, headers?: Record<string, string>) => t.app.inject({ method, url, payload, headers, remoteAddress: '10.1.0.1' });
const act = (id: string, body: object, headers = staffA) => req(headers, 'POST', `/api/v1/wishes/${id}/transitions`, body);
async function wish(body: object) {
  const res = await req(staffA, 'POST', '/api/v1/wishes', { personId: child, beneficiaryKind: '儿童', title: '一件冬衣', story: '父母在外务工，和奶奶生活，想要一件厚棉衣过冬', valueYuan: 150, orgId: villageA.id, ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; status: string; personName: string; maskedName: string };
}
const value = async (code: string, org: string) => (await computeMetric(t.sys, { code, org, from: '2026-01-01', to: '2026-12-31' })).value;

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'wi-county', name: '县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'wi-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'wi-a1', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'wi-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  child = (await buildPerson(t.sys, { orgId: villageA.id, name: '王小明', birthDate: '2016-05-01', phone: '13900001234', address: '花园村幸福路12号' })).id;
  grandma = (await buildPerson(t.sys, { orgId: townA.id, name: '刘桂芝', birthDate: '1948-02-02' })).id;
});
afterAll(() => t.close());

describe('micro-wishes', () => {
  it('collects under the value cap and refuses private details in the public text', async () => {
    expect((await req(staffA, 'GET', '/api/v1/wish-settings')).json()).toMatchObject({ valueCapYuan: 200, claimDays: 15 });
    const over = await req(staffA, 'POST', '/api/v1/wishes', { personId: child, beneficiaryKind: '儿童', title: '一辆自行车', story: '想骑车上学', valueYuan: 260, orgId: villageA.id });
    expect(over.json().error.details).toContainEqual({ path: 'valueYuan', message: '心愿价值不能超过本单位的上限 200 元' });
    expect((await req(staffA, 'PUT', '/api/v1/wish-settings', { valueCapYuan: 300, claimDays: 10 })).json()).toMatchObject({ valueCapYuan: 300, claimDays: 10 });
    expect((await req(staffA, 'GET', `/api/v1/wish-settings?orgId=${villageA.id}`)).json()).toMatchObject({ valueCapYuan: 300, inheritedFrom: townA.id });
    const leaky = await req(staffA, 'POST', '/api/v1/wishes', { personId: child, beneficiaryKind: '儿童', title: '书包', story: '王小明在花园小学读书', valueYuan: 80, orgId: villageA.id });
    expect(leaky.statusCode).toBe(400);
    expect(leaky.json().error.details.map((d: { message: string }) => d.message)).toEqual(['心愿说明中出现受助人的姓名“王小明”（公开页只显示脱敏姓名）', '心愿说明中出现学校名称“小学”']);
    const w = await wish({});
    expect(w).toMatchObject({ status: 'submitted', personName: '王**', maskedName: '王**' });
    expect((await req(staffA, 'GET', `/api/v1/wishes/${w.id}`)).json().personName).toBe('王小明');
    expect((await req(staffB, 'GET', `/api/v1/wishes/${w.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'POST', '/api/v1/wishes', { personId: child, beneficiaryKind: '儿童', title: '书', story: '想要书', valueYuan: 10 })).statusCode).toBe(404);
  });

  it('reviews, publishes with a code, lets one verified donor claim, records delivery with a photo, confirms; metrics exact', async () => {
    t.clock.set('2026-06-15T02:00:00.000Z');
    const coat = await wish({});
    const books = await wish({ title: '一套课外书', story: '喜欢读童话故事', valueYuan: 60 });
    const radio = await wish({ personId: grandma, beneficiaryKind: '老人', title: '一台收音机', story: '独居，想听戏曲', valueYuan: 120, orgId: townA.id });
    expect((await act(coat.id, { action: 'reject' })).json().error.details).toContainEqual({ path: 'reason', message: '退回须填写理由' });
    expect((await act(books.id, { action: 'reject', reason: '与上月心愿重复' })).json()).toMatchObject({ status: 'rejected', rejectReason: '与上月心愿重复' });
    expect((await act(coat.id, { action: 'publish' })).statusCode).toBe(422);
    for (const w of [coat, radio]) {
      expect((await act(w.id, { action: 'approve' })).json().status).toBe('approved');
      expect((await act(w.id, { action: 'publish' })).json().status).toBe('published');
    }
    const coatCode = (await req(staffA, 'GET', `/api/v1/wishes/${coat.id}`)).json().code;
    expect(coatCode).toBe('WX-2026-000001');
    expect((await req(staffA, 'GET', `/api/v1/wishes/${radio.id}`)).json().code).toBe('WX-2026-000002');

    const board = await pub('GET', '/api/public/wishes');
    expect(board.statusCode).toBe(200);
    expect(board.json().items.map((w: { id: string; maskedName: string }) => [w.id, w.maskedName])).toEqual([['WX-2026-000002', '刘**'], ['WX-2026-000001', '王**']]);
    expect(board.body).not.toMatch(/王小明|刘桂芝|13900001234|幸福路|person|"personId"/);
    expect((await pub('GET', `/api/public/wishes?unit=${villageA.id}`)).json().total).toBe(1);
    expect((await pub('GET', '/api/public/wishes?maxYuan=130')).json().items.map((w: { id: string }) => w.id)).toEqual(['WX-2026-000002']);
    expect((await pub('GET', '/api/public/wishes?kind=儿童&minYuan=100')).json().items.map((w: { id: string }) => w.id)).toEqual(['WX-2026-000001']);
    expect((await pub('GET', `/api/public/wishes/${coat.id}`)).statusCode).toBe(404); // internal ids are not public
    expect((await pub('GET', `/api/public/wishes/${coatCode}`)).json()).toMatchObject({ id: coatCode, maskedName: '王**', title: '一件冬衣', valueYuan: 150, unitName: '花园村妇联', status: 'published', claimDays: 10 });

    expect((await pub('POST', `/api/public/wishes/${coatCode}/claim`, { token: 'forged' })).statusCode).toBe(401);
    const token = await donorToken(t, '13700007777');
    const claimed = await pub('POST', `/api/public/wishes/${coatCode}/claim`, { token });
    expect(claimed.json()).toMatchObject({ wish: { status: 'claimed', statusLabel: '已认领' }, claim: { claimedOn: '2026-06-15', dueOn: '2026-06-25', phoneMasked: '137****7777' } });
    const other = await donorToken(t, '13700008888', '10.9.0.2');
    expect((await pub('POST', `/api/public/wishes/${coatCode}/claim`, { token: other })).statusCode).toBe(409);
    const mine = await pub('GET', '/api/public/my-claims', undefined, { 'x-public-token': token });
    expect(mine.json()).toMatchObject({ phoneMasked: '137****7777', items: [{ wishId: coatCode, maskedName: '王**', outcome: 'holding', wishStatus: 'claimed', dueOn: '2026-06-25' }] });
    expect((await pub('GET', '/api/public/my-claims', undefined, { 'x-public-token': other })).json().items).toEqual([]);
    expect((await pub('GET', '/api/public/my-claims')).statusCode).toBe(400);

    expect((await act(coat.id, { action: 'deliver', note: '已送到孩子手中' })).json().error.message).toBe('登记送达前请先上传送达照片');
    expect((await uploadPhoto(t, staffB, coat.id)).statusCode).toBe(404);
    expect((await uploadPhoto(t, staffA, coat.id)).statusCode).toBe(201);
    t.clock.set('2026-06-20T02:00:00.000Z');
    staffA.authorization = (await t.userWith('staff', townA.id)).headers.authorization; // sessions expire meanwhile
    expect((await act(coat.id, { action: 'deliver', note: '已送到孩子手中' })).json()).toMatchObject({ status: 'delivered', deliveredOn: '2026-06-20', photos: 1, claim: { phoneMasked: '137****7777' } });
    expect((await act(coat.id, { action: 'confirm' })).json()).toMatchObject({ status: 'fulfilled', fulfilledOn: '2026-06-20' });
    const later = await donorToken(t, '13700007777'); // the first token has expired (2 hours)
    expect((await pub('GET', '/api/public/my-claims', undefined, { 'x-public-token': token })).statusCode).toBe(401);
    expect((await pub('GET', '/api/public/my-claims', undefined, { 'x-public-token': later })).json().items[0]).toMatchObject({ outcome: 'fulfilled', outcomeLabel: '已圆梦' });
    expect((await pub('GET', '/api/public/wishes?status=fulfilled')).json().items.map((w: { id: string }) => w.id)).toEqual([coatCode]);

    expect(await value('wishes.published', 'wi-county')).toBe(2);
    expect(await value('wishes.published', 'wi-a1')).toBe(1);
    expect(await value('wishes.published{kind=老人}', 'wi-a')).toBe(1);
    expect(await value('wishes.claimed', 'wi-a')).toBe(1);
    expect(await value('wishes.fulfilled', 'wi-a')).toBe(1);
    expect(await value('wishes.fulfilled', 'wi-b')).toBe(0);
    const audit = await t.sys.db.selectFrom('audit_log').select('action').where('entity', '=', 'wish').where('entity_id', '=', coat.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'approve', 'publish', 'claim', 'deliver', 'confirm']);
  });
});
