import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { deniedAuditLimit } from './cases.access';

let t: TestApp;
type Headers = { authorization: string };
type User = { id: string; username: string; headers: Headers };
let county: { id: string };
let townA: { id: string };
let townB: { id: string };
let cwA: User;
let cwCounty: User;
let adminA: User;
let staffA: User;
let staffHandler: User;
let leader: User;
let sysadmin: User;
let dv: { id: string };
const secret = '丈夫多次殴打，已报警出具告诫书';

const req = (u: User, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: u.headers, payload });
const audits = (action: string, entityId: string) =>
  t.database.db.selectFrom('audit_log').select(['actor_name', 'org_id']).where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'k-county', name: '某县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'k-town-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  townB = await buildUnit(t.sys, { code: 'k-town-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  cwA = await t.userWith('case_worker', townA.id, 'cw-a');
  cwCounty = await t.userWith('case_worker', county.id, 'cw-county');
  adminA = await t.userWith('org_admin', townA.id, 'admin-a');
  staffA = await t.userWith('staff', townA.id, 'staff-a');
  staffHandler = await t.userWith('staff', townA.id, 'staff-handler');
  leader = await t.userWith('leader', county.id, 'leader');
  sysadmin = await t.userWith('sysadmin', null, 'root');
  const res = await req(cwA, 'POST', '/api/v1/cases', {
    kind: '家庭暴力', channel: '来访', summary: secret, warningNo: '甲公(家)告字〔2026〕3号', warningOn: '2026-06-01', orgId: townA.id, parties: [{ name: '赵桂兰', role: '当事人' }],
  });
  expect(res.statusCode).toBe(201);
  dv = res.json();
  await req(cwA, 'POST', `/api/v1/cases/${dv.id}/transitions`, { action: 'accept' });
  await req(cwA, 'POST', `/api/v1/cases/${dv.id}/transitions`, { action: 'assign', handlerId: staffHandler.id });
  await req(cwA, 'POST', '/api/v1/cases', { kind: '信访', channel: '来电', summary: '普通信访', orgId: townA.id });
});
afterAll(() => t.close());

describe('confidential cases (家庭暴力, 困境儿童)', () => {
  it('stores the summary encrypted and never lists it', async () => {
    const row = await t.database.db.selectFrom('cases').select(['summary', 'confidential']).where('id', '=', dv.id).executeTakeFirstOrThrow();
    expect(Number(row.confidential)).toBe(1);
    expect(row.summary).not.toContain('殴打');
    const list = (await req(cwA, 'GET', '/api/v1/cases')).json();
    expect(list.items.find((c: { id: string }) => c.id === dv.id)).toMatchObject({ confidential: true, summary: null, status: '办理' });
    expect(JSON.stringify(list)).not.toContain(secret);
  });

  it('refuses a staff member of the same unit who is not assigned (404) and audits the attempt', async () => {
    const res = await req(staffA, 'GET', `/api/v1/cases/${dv.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(secret);
    expect(await audits('read_case_denied', dv.id)).toContainEqual({ actor_name: 'staff-a', org_id: townA.id });
    expect((await req(staffA, 'POST', `/api/v1/cases/${dv.id}/transitions`, { action: 'close', outcome: '化解', outcomeText: 'x' })).statusCode).toBe(404);
    expect((await req(staffA, 'GET', '/api/v1/cases')).json().items).toEqual([]);
  });

  it('opens for the handler, the unit’s case workers and org_admin, each open audited', async () => {
    for (const u of [staffHandler, cwA, cwCounty, adminA]) {
      const res = await req(u, 'GET', `/api/v1/cases/${dv.id}`);
      expect(res.statusCode, u.username).toBe(200);
      expect(res.json()).toMatchObject({ summary: secret, warningNo: '甲公(家)告字〔2026〕3号', parties: [{ name: '赵桂兰', role: '当事人' }] });
    }
    const reads = (await audits('read_case', dv.id)).map((a) => a.actor_name);
    expect(reads).toEqual(expect.arrayContaining(['staff-handler', 'cw-a', 'cw-county', 'admin-a']));
    // the handler works the case although the staff role carries no case permission
    const closed = await req(staffHandler, 'POST', `/api/v1/cases/${dv.id}/transitions`, { action: 'close', outcome: '化解', outcomeText: '已安置并协助申请人身安全保护令' });
    expect(closed.json().status).toBe('办结');
    expect((await req(adminA, 'POST', `/api/v1/cases/${dv.id}/followups`, { method: '电话' })).statusCode).toBe(404);
  });

  it('shows a leader (and a global sysadmin) counts only', async () => {
    for (const u of [leader, sysadmin]) {
      expect((await req(u, 'GET', `/api/v1/cases/${dv.id}`)).statusCode).toBe(404);
      const list = (await req(u, 'GET', '/api/v1/cases')).json();
      expect(list.items.map((c: { kind: string }) => c.kind)).toEqual(['信访']);
      expect(list.total).toBe(1);
    }
    expect((await audits('read_case_denied', dv.id)).map((a) => a.actor_name)).toEqual(expect.arrayContaining(['leader', 'root']));
    const summary = (await req(leader, 'GET', `/api/v1/cases/summary?orgId=${townA.id}`)).json();
    expect(summary).toMatchObject({ total: 2, byKind: { 家庭暴力: 1, 信访: 1 }, byStatus: { 办结: 1, 登记: 1 } });
    expect((await req(staffA, 'GET', '/api/v1/cases/summary')).statusCode).toBe(403);
  });

  it('audits an attempt by a case worker of another township (404 all the same), in the case’s unit’s log', async () => {
    const cwB = await t.userWith('case_worker', townB.id, 'cw-b');
    const res = await req(cwB, 'GET', `/api/v1/cases/${dv.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(secret);
    expect((await req(cwB, 'POST', `/api/v1/cases/${dv.id}/transitions`, { action: 'archive' })).statusCode).toBe(404);
    expect(await audits('read_case_denied', dv.id)).toContainEqual({ actor_name: 'cw-b', org_id: townA.id });
    expect(await audits('write_case_denied', dv.id)).toContainEqual({ actor_name: 'cw-b', org_id: townA.id });
    const entry = await t.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'read_case_denied').where('actor_name', '=', 'cw-b').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail as string)).toEqual({ kind: '家庭暴力', callerUnits: [townB.id] });
    // an ordinary case outside the scope is a plain 404, not audited
    const plain = await t.database.db.selectFrom('cases').select('id').where('kind', '=', '信访').executeTakeFirstOrThrow();
    expect((await req(cwB, 'GET', `/api/v1/cases/${plain.id}`)).statusCode).toBe(404);
    expect(await audits('read_case_denied', plain.id)).toEqual([]);
  });

  it('writes at most 20 denied attempts per caller and minute, then one throttle notice; the next minute logs again', async () => {
    t.clock.set('2026-06-15T03:00:05.000Z');
    const scanner = await t.userWith('case_worker', townB.id, 'cw-scanner');
    const denied = async () =>
      (await t.database.db.selectFrom('audit_log').select('action').where('actor_name', '=', 'cw-scanner').where('entity_id', '=', dv.id).orderBy('seq').execute()).map((a) => a.action);
    for (let i = 0; i < deniedAuditLimit.perCaller + 15; i += 1) expect((await req(scanner, 'GET', `/api/v1/cases/${dv.id}`)).statusCode).toBe(404);
    const first = await denied();
    expect(first.filter((a) => a === 'read_case_denied')).toHaveLength(deniedAuditLimit.perCaller);
    expect(first.filter((a) => a === 'case_denied_throttled')).toHaveLength(1);
    expect(first).toHaveLength(deniedAuditLimit.perCaller + 1);
    // another caller is not silenced by the scanner
    const cwB2 = await t.userWith('case_worker', townB.id, 'cw-b2');
    expect((await req(cwB2, 'GET', `/api/v1/cases/${dv.id}`)).statusCode).toBe(404);
    expect(await audits('read_case_denied', dv.id)).toContainEqual({ actor_name: 'cw-b2', org_id: townA.id });
    t.clock.set('2026-06-15T03:01:05.000Z');
    expect((await req(scanner, 'GET', `/api/v1/cases/${dv.id}`)).statusCode).toBe(404);
    expect(await denied()).toHaveLength(deniedAuditLimit.perCaller + 2);
  });
});

describe('children’s names in lists', () => {
  it('masks every party of a child case and any minor; the detail shows them to those allowed', async () => {
    const child = await req(cwA, 'POST', '/api/v1/cases', {
      kind: '困境儿童', riskLevel: '高', channel: '来访', summary: '父母服刑，由祖母照料', orgId: townA.id,
      parties: [{ name: '王小明', role: '儿童' }, { name: '王建国', role: '监护人' }],
    });
    expect(child.json().parties).toEqual([{ personId: null, role: '儿童', name: '王**' }, { personId: null, role: '监护人', name: '王**' }]);
    const minor = await buildPerson(t.sys, { orgId: townA.id, name: '李小红', birthDate: '2014-05-01' });
    const adult = await buildPerson(t.sys, { orgId: townA.id, name: '李秀英', birthDate: '1980-05-01' });
    await req(cwA, 'POST', '/api/v1/cases', { kind: '纠纷调解', subkind: '抚养', channel: '来访', summary: '抚养费纠纷', orgId: townA.id, parties: [{ personId: adult.id, role: '申请人' }, { personId: minor.id, role: '当事人' }] });
    const list = JSON.stringify((await req(cwA, 'GET', '/api/v1/cases?pageSize=200')).json());
    for (const full of ['王小明', '王建国', '李小红']) expect(list).not.toContain(full);
    expect(list).toContain('李秀英');
    expect(list).toContain('李**');
    const detail = (await req(cwA, 'GET', `/api/v1/cases/${child.json().id}`)).json();
    expect(detail.parties.map((p: { name: string }) => p.name)).toEqual(['王小明', '王建国']);
  });
});
