import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { addDays } from '../../../domain/cases/deadlines';
import { shanghaiDate } from '../../../domain/dates';

let t: TestApp;
type Headers = { authorization: string };
type User = { id: string; username: string; headers: Headers };
let townA: { id: string };
let townB: { id: string };
let cwA: User;
let cwB: User;
let adminA: User;
let staffA: User;
let handler: User;
const secret = '丈夫醉酒后殴打，邻居报警';

const req = (u: User, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: u.headers, payload });
const act = (u: User, id: string, body: object) => req(u, 'POST', `/api/v1/cases/${id}/transitions`, body);
const today = () => shanghaiDate(t.clock.now());
const audits = (action: string, entityId: string) =>
  t.database.db.selectFrom('audit_log').select(['actor_name', 'detail']).where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();
async function create(u: User, body: object): Promise<{ id: string }> {
  const res = await req(u, 'POST', '/api/v1/cases', { kind: '信访', channel: '来访', summary: '反映拖欠工资', orgId: townA.id, ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 9)]);
function upload(u: User, caseId: string, filename: string) {
  const boundary = '----case-file-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`;
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?entity=cases&entityId=${caseId}`,
    headers: { ...u.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head, 'utf8'), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'e-county', name: '某县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'e-town-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  townB = await buildUnit(t.sys, { code: 'e-town-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  cwA = await t.userWith('case_worker', townA.id, 'cw-a');
  cwB = await t.userWith('case_worker', townB.id, 'cw-b');
  adminA = await t.userWith('org_admin', townA.id, 'admin-a');
  staffA = await t.userWith('staff', townA.id, 'staff-a');
  handler = await t.userWith('staff', townA.id, 'handler-a');
});
afterAll(() => t.close());

describe('editing a case (PATCH /cases/:id)', () => {
  it('corrects summary, channel and parties, records the edit on the timeline and in the audit log', async () => {
    const c = await create(cwA, { parties: [{ name: '张桂兰', role: '申请人' }] });
    const res = await req(cwA, 'PATCH', `/api/v1/cases/${c.id}`, { summary: '反映拖欠工资三个月', channel: '来电', parties: [{ name: '张桂兰', role: '申请人' }, { name: '某建筑公司', role: '被申请人' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ summary: '反映拖欠工资三个月', channel: '来电', status: '登记' });
    const detail = (await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.parties).toEqual([{ personId: null, role: '申请人', name: '张桂兰' }, { personId: null, role: '被申请人', name: '某建筑公司' }]);
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'edit']);
    expect(detail.timeline[1]).toMatchObject({ fromStatus: '登记', toStatus: '登记', note: '修改了来源渠道、案情摘要、当事人' });
    expect((await audits('update', c.id)).map((a) => JSON.parse(a.detail))).toEqual([{ fields: ['channel', 'summary', 'parties'] }]);
    // nothing changed: no timeline entry, no audit entry
    expect((await req(cwA, 'PATCH', `/api/v1/cases/${c.id}`, { channel: '来电', parties: [{ name: '张桂兰', role: '申请人' }, { name: '某建筑公司', role: '被申请人' }] })).statusCode).toBe(200);
    expect((await audits('update', c.id)).length).toBe(1);
    expect((await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json().timeline.length).toBe(2);
    await req(cwA, 'PATCH', `/api/v1/cases/${c.id}`, { parties: [{ name: '某建筑公司', role: '被申请人' }, { name: '张桂兰', role: '申请人' }] });
    expect((await audits('update', c.id)).map((a) => JSON.parse(a.detail))).toEqual([{ fields: ['channel', 'summary', 'parties'] }, { fields: ['parties'] }]);
  });

  it('keeps a confidential summary encrypted and edits the 告诫书; kind-specific fields only for their kind', async () => {
    const dv = await create(cwA, { kind: '家庭暴力', summary: '初次登记', warningNo: '甲公告字〔2026〕1号' });
    const res = await req(cwA, 'PATCH', `/api/v1/cases/${dv.id}`, { summary: secret, warningNo: '甲公(家)告字〔2026〕7号', warningOn: '2026-06-10' });
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toBeNull();
    const row = await t.database.db.selectFrom('cases').select('summary').where('id', '=', dv.id).executeTakeFirstOrThrow();
    expect(row.summary).not.toContain('殴打');
    expect((await req(cwA, 'GET', `/api/v1/cases/${dv.id}`)).json()).toMatchObject({ summary: secret, warningNo: '甲公(家)告字〔2026〕7号', warningOn: '2026-06-10' });
    expect(JSON.stringify(await audits('update', dv.id))).not.toContain('殴打');
    const risk = await req(cwA, 'PATCH', `/api/v1/cases/${dv.id}`, { riskLevel: '高' });
    expect(risk.statusCode).toBe(400);
    expect(risk.json().error.details).toContainEqual({ path: 'riskLevel', message: '只有困境儿童个案有风险等级' });
    const plain = await create(cwA, {});
    expect((await req(cwA, 'PATCH', `/api/v1/cases/${plain.id}`, { warningNo: 'x' })).json().error.details).toContainEqual({ path: 'warningNo', message: '只有家庭暴力个案有告诫书' });
    expect((await req(cwA, 'PATCH', `/api/v1/cases/${plain.id}`, {})).statusCode).toBe(400);
  });

  it('recomputes the handling deadline when a child’s risk level rises while the case is being handled', async () => {
    const child = await create(cwA, { kind: '困境儿童', riskLevel: '中', summary: '单亲家庭，母亲外出务工', parties: [{ name: '王小明', role: '儿童' }] });
    const accepted = (await act(cwA, child.id, { action: 'accept' })).json();
    expect(accepted.dueHandleOn).toBe(addDays(today(), 60));
    const res = await req(cwA, 'PATCH', `/api/v1/cases/${child.id}`, { riskLevel: '高' });
    expect(res.json()).toMatchObject({ riskLevel: '高', dueHandleOn: addDays(accepted.acceptedOn, 7) });
    expect(res.json().parties).toEqual([{ personId: null, role: '儿童', name: '王**' }]);
  });

  it('refuses after 归档 (422, nothing changes), outside the scope (404) and for unassigned staff of a confidential case (404, audited)', async () => {
    const c = await create(cwA, {});
    await act(cwA, c.id, { action: 'accept' });
    await act(cwA, c.id, { action: 'assign', handlerId: handler.id });
    await act(handler, c.id, { action: 'close', outcome: '化解', outcomeText: '已支付' });
    await req(handler, 'POST', `/api/v1/cases/${c.id}/followups`, { method: '电话' });
    await act(cwA, c.id, { action: 'archive' });
    const before = (await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json();
    const res = await req(cwA, 'PATCH', `/api/v1/cases/${c.id}`, { summary: '事后修改' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('个案已“归档”，不能再修改登记信息');
    expect((await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json()).toEqual(before);
    expect((await req(cwB, 'PATCH', `/api/v1/cases/${c.id}`, { summary: '越权' })).statusCode).toBe(404);
    const dv = await create(cwA, { kind: '家庭暴力', summary: secret });
    expect((await req(staffA, 'PATCH', `/api/v1/cases/${dv.id}`, { summary: '越权' })).statusCode).toBe(404);
    expect((await audits('write_case_denied', dv.id)).map((a) => a.actor_name)).toContain('staff-a');
    // org_admin reads confidential cases but does not work them
    expect((await req(adminA, 'PATCH', `/api/v1/cases/${dv.id}`, { summary: '越权' })).statusCode).toBe(404);
  });
});

describe('只看我承办的', () => {
  it('lists only the cases the caller handles', async () => {
    const mine = await create(cwA, { summary: '承办人筛选' });
    await act(cwA, mine.id, { action: 'accept' });
    await act(cwA, mine.id, { action: 'assign', handlerId: handler.id });
    const ids = async (u: User) => (await req(u, 'GET', '/api/v1/cases?mine=true&pageSize=200')).json().items.map((c: { id: string; handlerId: string }) => c.handlerId);
    const handled = await ids(handler);
    expect(handled).toContain(handler.id);
    expect(new Set(handled)).toEqual(new Set([handler.id]));
    expect(await ids(cwA)).toEqual([]);
  });
});

describe('handler and transfer options', () => {
  it('offers the unit’s and its ancestors’ staff as handlers, and units with case workers as transfer targets', async () => {
    const c = await create(cwA, {});
    const handlers = (await req(cwA, 'GET', `/api/v1/cases/${c.id}/handler-options`)).json().items.map((u: { username: string }) => u.username);
    expect(handlers).toEqual(expect.arrayContaining(['cw-a', 'admin-a', 'staff-a', 'handler-a']));
    expect(handlers).not.toContain('cw-b');
    const targets = (await req(cwA, 'GET', `/api/v1/cases/${c.id}/transfer-options`)).json().items;
    expect(targets).toEqual([{ id: townB.id, name: '乙镇妇联', code: 'e-town-b' }]);
    expect((await req(cwB, 'GET', `/api/v1/cases/${c.id}/handler-options`)).statusCode).toBe(404);
  });
});

describe('case attachments', () => {
  it('stores, lists and serves a case’s files to those who may open the case', async () => {
    const c = await create(cwA, {});
    const up = await upload(cwA, c.id, '来访登记表.png');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ entity: 'cases', entityId: c.id, orgId: townA.id, filename: '来访登记表.png', mime: 'image/png' });
    expect((await req(cwA, 'GET', `/api/v1/attachments?entity=cases&entityId=${c.id}`)).json().total).toBe(1);
    const file = await req(cwA, 'GET', `/api/v1/attachments/${up.json().id}/file`);
    expect(file.rawPayload.equals(png)).toBe(true);
    // staff of the unit hold no case permission: an ordinary case's file is not theirs either
    expect((await req(staffA, 'GET', `/api/v1/attachments/${up.json().id}/file`)).statusCode).toBe(404);
    expect((await req(cwB, 'GET', `/api/v1/attachments?entity=cases&entityId=${c.id}`)).statusCode).toBe(404);
    expect((await upload(cwB, c.id, 'x.png')).statusCode).toBe(404);
    expect((await req(cwB, 'DELETE', `/api/v1/attachments/${up.json().id}`)).statusCode).toBe(404);
    expect((await req(cwA, 'DELETE', `/api/v1/attachments/${up.json().id}`)).statusCode).toBe(204);
  });

  it('keeps a domestic-violence case’s files from unassigned staff of the same unit (404, audited), audits every download', async () => {
    const dv = await create(cwA, { kind: '家庭暴力', summary: secret });
    await act(cwA, dv.id, { action: 'accept' });
    await act(cwA, dv.id, { action: 'assign', handlerId: handler.id });
    const up = await upload(handler, dv.id, '伤情照片.png');
    expect(up.statusCode).toBe(201);
    const fileId = up.json().id as string;
    const denied = await req(staffA, 'GET', `/api/v1/attachments/${fileId}/file`);
    expect(denied.statusCode).toBe(404);
    expect(denied.rawPayload.equals(png)).toBe(false);
    expect((await req(staffA, 'GET', `/api/v1/attachments?entity=cases&entityId=${dv.id}`)).statusCode).toBe(404);
    expect((await upload(staffA, dv.id, 'x.png')).statusCode).toBe(404);
    expect((await req(staffA, 'DELETE', `/api/v1/attachments/${fileId}`)).statusCode).toBe(404);
    const deniedBy = (await audits('read_case_denied', dv.id)).map((a) => a.actor_name);
    expect(deniedBy.filter((n) => n === 'staff-a').length).toBe(2);
    expect((await audits('write_case_denied', dv.id)).map((a) => a.actor_name).filter((n) => n === 'staff-a').length).toBe(2);
    for (const u of [handler, cwA, adminA]) expect((await req(u, 'GET', `/api/v1/attachments/${fileId}/file`)).statusCode, u.username).toBe(200);
    expect((await audits('read_attachment', fileId)).map((a) => a.actor_name)).toEqual(['handler-a', 'cw-a', 'admin-a']);
    // org_admin may open the case and its files but not add or remove them
    expect((await req(adminA, 'DELETE', `/api/v1/attachments/${fileId}`)).statusCode).toBe(404);
    // sealed at rest: neither the bytes nor the filename are readable in the database or the audit log
    const stored = await t.database.db.selectFrom('attachments').select(['filename', 'sealed']).where('id', '=', fileId).executeTakeFirstOrThrow();
    expect(Number(stored.sealed)).toBe(1);
    expect(stored.filename).not.toContain('伤情照片');
    const bytes = await t.database.db.withTables<{ attachments: { content: Buffer } }>().selectFrom('attachments').select('content').where('id', '=', fileId).executeTakeFirstOrThrow();
    expect(Buffer.from(bytes.content).includes(png.subarray(8))).toBe(false);
    const listed = (await req(handler, 'GET', `/api/v1/attachments?entity=cases&entityId=${dv.id}`)).json().items;
    expect(listed.map((f: { filename: string }) => f.filename)).toEqual(['伤情照片.png']);
    expect((await req(handler, 'GET', `/api/v1/attachments/${fileId}/file`)).rawPayload.equals(png)).toBe(true);
    const logged = await t.database.db.selectFrom('audit_log').select('detail').where('entity_id', '=', fileId).execute();
    expect(JSON.stringify(logged)).not.toContain('伤情照片');
  });

  it('keeps an archived case’s files as they are (422)', async () => {
    const c = await create(cwA, {});
    await act(cwA, c.id, { action: 'accept' });
    await act(cwA, c.id, { action: 'assign', handlerId: handler.id });
    const up = await upload(cwA, c.id, '协议书.png');
    await act(handler, c.id, { action: 'close', outcome: '化解', outcomeText: '已解决' });
    await req(handler, 'POST', `/api/v1/cases/${c.id}/followups`, { method: '电话' });
    await act(cwA, c.id, { action: 'archive' });
    expect((await upload(cwA, c.id, 'late.png')).statusCode).toBe(422);
    const del = await req(cwA, 'DELETE', `/api/v1/attachments/${up.json().id}`);
    expect(del.statusCode).toBe(422);
    expect(del.json().error.message).toContain('个案已归档');
    expect((await req(cwA, 'GET', `/api/v1/attachments/${up.json().id}/file`)).statusCode).toBe(200);
  });
});
