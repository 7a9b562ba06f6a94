import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { addDays } from '../../../domain/cases/deadlines';
import { shanghaiDate } from '../../../domain/dates';

let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let cwA: Headers;
let cwB: Headers;
let adminCounty: Headers;
let handler: { id: string; headers: Headers };
let outsider: { id: string };
const day = 86_400_000;

const req = (headers: Headers, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
const act = (headers: Headers, id: string, body: object) => req(headers, 'POST', `/api/v1/cases/${id}/transitions`, body);
const today = () => shanghaiDate(t.clock.now());
const logins: { username: string; password: string; headers: Headers }[] = [];
async function user(role: 'case_worker' | 'org_admin', orgId: string, name?: string) {
  const u = await t.userWith(role, orgId, name);
  logins.push(u);
  return u;
}
/** Moves the clock by whole days; sessions expire meanwhile, so everyone logs in again (same header objects). */
async function advance(days: number) {
  t.clock.advance(days * day);
  for (const u of logins) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } });
    u.headers.authorization = `Bearer ${res.json().token as string}`;
  }
}
async function create(headers: Headers, body: object) {
  const res = await req(headers, 'POST', '/api/v1/cases', { kind: '信访', channel: '来访', summary: '反映拖欠工资', ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; status: string; dueAcceptOn: string };
}

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'c-county', name: '林甸县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'c-town-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'c-village-a', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'c-town-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  cwA = (await user('case_worker', townA.id)).headers;
  cwB = (await user('case_worker', townB.id)).headers;
  adminCounty = (await user('org_admin', county.id)).headers;
  handler = await user('case_worker', villageA.id, 'handler-a');
  outsider = await user('case_worker', townB.id);
});
afterAll(() => t.close());

describe('the case flow', () => {
  it('goes through every step with its timeline', async () => {
    const c = await create(cwA, { kind: '纠纷调解', subkind: '婆媳', orgId: villageA.id, parties: [{ name: '张桂兰', role: '申请人' }, { name: '李秀英', role: '被申请人' }] });
    expect(c).toMatchObject({ status: '登记', dueAcceptOn: addDays(today(), 15), deadline: { step: 'accept', state: 'on_time', daysLeft: 15 }, allowedActions: ['accept', 'reject'] });
    await advance(2);
    expect((await act(cwA, c.id, { action: 'accept' })).json()).toMatchObject({ status: '受理', acceptedOn: today(), dueHandleOn: addDays(today(), 60) });
    const wrong = await act(cwA, c.id, { action: 'assign', handlerId: outsider.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toContainEqual({ path: 'handlerId', message: '承办人须为受理单位或其上级单位的工作人员' });
    expect((await act(cwA, c.id, { action: 'assign', handlerId: handler.id })).json()).toMatchObject({ status: '办理', handlerId: handler.id, handlerName: 'handler-a' });
    expect((await act(handler.headers, c.id, { action: 'close', outcome: '调解成功' })).statusCode).toBe(400);
    expect((await act(handler.headers, c.id, { action: 'close', outcome: '调解成功', outcomeText: '双方达成赡养协议' })).json()).toMatchObject({ status: '办结', closedOn: today(), outcome: '调解成功', deadline: { state: 'none' } });
    const early = await act(cwA, c.id, { action: 'archive' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toBe('个案当前状态为“办结”，不能“归档”；可进行的操作：回访、重新办理');
    await advance(7);
    const f1 = await req(handler.headers, 'POST', `/api/v1/cases/${c.id}/followups`, { method: '上门', note: '关系缓和' });
    expect(f1.statusCode).toBe(201);
    expect(f1.json().status).toBe('回访');
    expect((await req(handler.headers, 'POST', `/api/v1/cases/${c.id}/followups`, { method: '电话', on: today() })).statusCode).toBe(201);
    expect((await act(cwA, c.id, { action: 'archive' })).json().status).toBe('归档');
    expect((await act(cwA, c.id, { action: 'reopen' })).statusCode).toBe(400);
    expect((await act(cwA, c.id, { action: 'reopen', reason: '婆媳再起争执' })).json()).toMatchObject({ status: '办理', closedOn: null, outcome: null, dueHandleOn: addDays(today(), 60) });
    const detail = (await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.timeline.map((e: { action: string; toStatus: string }) => `${e.action}→${e.toStatus}`)).toEqual([
      'register→登记', 'accept→受理', 'assign→办理', 'close→办结', 'followup→回访', 'followup→回访', 'archive→归档', 'reopen→办理',
    ]);
    expect(detail.timeline[3]).toMatchObject({ fromStatus: '办理', note: '双方达成赡养协议', data: { outcome: '调解成功' } });
    expect(detail.timeline[7]).toMatchObject({ fromStatus: '归档', note: '婆媳再起争执' });
    expect(detail.followups.map((f: { method: string }) => f.method)).toEqual(['上门', '电话']);
    expect(detail.parties).toEqual([{ personId: null, role: '申请人', name: '张桂兰' }, { personId: null, role: '被申请人', name: '李秀英' }]);
  });

  it('names who acted by display name in the timeline and follow-ups, not by username', async () => {
    const clerk = await user('case_worker', townA.id, 'hy-clerk');
    await t.sys.db.updateTable('users').set({ display_name: '花园镇妇联 刘芳' }).where('id', '=', clerk.id).execute();
    const c = await create(clerk.headers, { summary: '反映邻里纠纷' });
    await act(clerk.headers, c.id, { action: 'accept' });
    await act(clerk.headers, c.id, { action: 'assign', handlerId: clerk.id });
    await act(clerk.headers, c.id, { action: 'close', outcome: '调解成功', outcomeText: '已调解' });
    expect((await req(clerk.headers, 'POST', `/api/v1/cases/${c.id}/followups`, { method: '电话' })).statusCode).toBe(201);
    const detail = (await req(clerk.headers, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.timeline[0]).toMatchObject({ action: 'register', actor: 'hy-clerk', actorName: '花园镇妇联 刘芳' });
    expect(new Set(detail.timeline.map((e: { actorName: string }) => e.actorName))).toEqual(new Set(['花园镇妇联 刘芳']));
    expect(detail.followups[0]).toMatchObject({ by: 'hy-clerk', byName: '花园镇妇联 刘芳' });
  });

  it('refuses illegal transitions with 422 and changes nothing', async () => {
    const c = await create(cwA, {});
    const before = (await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json();
    for (const action of ['close', 'archive', 'reopen', 'assign', 'accept_transfer']) {
      const res = await act(cwA, c.id, { action, handlerId: handler.id, outcome: '化解', outcomeText: 'x', reason: 'x' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('个案当前状态为“登记”');
      expect(res.json().error.message).toContain('可进行的操作：受理、不予受理');
    }
    expect((await req(cwA, 'POST', `/api/v1/cases/${c.id}/followups`, { method: '电话' })).statusCode).toBe(422);
    expect((await act(cwA, c.id, { action: 'reject' })).statusCode).toBe(400);
    expect((await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json()).toEqual(before);
    expect((await act(cwA, c.id, { action: 'reject', reason: '不属于受理范围' })).json().status).toBe('不予受理');
    const done = await act(cwA, c.id, { action: 'reopen', reason: 'x' });
    expect(done.statusCode).toBe(422);
    expect(done.json().error.message).toBe('个案当前状态为“不予受理”，不能“重新办理”；该个案已不能再办理');
  });
});

describe('deadlines', () => {
  it('lists due-soon and overdue cases as the clock moves', async () => {
    const c = await create(cwA, { summary: '临期测试' });
    const ids = async (qs: string) => (await req(cwA, 'GET', `/api/v1/cases?${qs}&pageSize=200`)).json().items.map((x: { id: string }) => x.id) as string[];
    expect(await ids('overdue=true')).not.toContain(c.id);
    expect(await ids('dueSoon=true')).not.toContain(c.id);
    await advance(12);
    expect(await ids('dueSoon=true')).toContain(c.id);
    await advance(3);
    expect(await ids('dueSoon=true')).toContain(c.id);
    expect(await ids('overdue=true')).not.toContain(c.id);
    await advance(1);
    expect(await ids('overdue=true')).toContain(c.id);
    expect(await ids('dueSoon=true')).not.toContain(c.id);
    expect((await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).json().deadline).toMatchObject({ step: 'accept', state: 'overdue', daysLeft: -1 });
    await act(cwA, c.id, { action: 'accept' });
    expect(await ids('overdue=true')).not.toContain(c.id);
    await advance(61);
    expect(await ids('overdue=true&status=' + encodeURIComponent('受理'))).toContain(c.id);
  });

  it('gives a high-risk child 7 days to handle, others 60', async () => {
    const high = await create(cwA, { kind: '困境儿童', riskLevel: '高', summary: '父母外出务工，无人照料' });
    const mid = await create(cwA, { kind: '困境儿童', riskLevel: '中', summary: '单亲家庭' });
    expect((await create(cwA, { kind: '困境儿童' }).catch((e: Error) => e.message))).toContain('困境儿童个案须评定风险等级');
    expect((await act(cwA, high.id, { action: 'accept' })).json().dueHandleOn).toBe(addDays(today(), 7));
    expect((await act(cwA, mid.id, { action: 'accept' })).json().dueHandleOn).toBe(addDays(today(), 60));
    await advance(8);
    expect((await req(cwA, 'GET', `/api/v1/cases/${high.id}`)).json().deadline).toMatchObject({ step: 'handle', state: 'overdue' });
  });

  it('takes the deadline setting of the nearest unit up the tree', async () => {
    const set = (orgId: string, acceptDays: number, handleDays: number) => req(adminCounty, 'PUT', '/api/v1/case-deadlines', { orgId, kind: '劳动争议', acceptDays, handleDays });
    expect((await set(county.id, 5, 20)).statusCode).toBe(200);
    expect((await create(cwA, { kind: '劳动争议', orgId: villageA.id })).dueAcceptOn).toBe(addDays(today(), 5));
    await set(townA.id, 10, 30);
    const v = await create(cwA, { kind: '劳动争议', orgId: villageA.id });
    expect(v.dueAcceptOn).toBe(addDays(today(), 10));
    expect((await act(cwA, v.id, { action: 'accept' })).json().dueHandleOn).toBe(addDays(today(), 30));
    expect((await create(cwB, { kind: '劳动争议' })).dueAcceptOn).toBe(addDays(today(), 5));
    expect((await create(cwB, { kind: '信访' })).dueAcceptOn).toBe(addDays(today(), 15));
    const eff = (await req(adminCounty, 'GET', `/api/v1/case-deadlines?orgId=${villageA.id}`)).json().items;
    expect(eff).toContainEqual({ kind: '劳动争议', acceptDays: 10, handleDays: 30 });
    expect((await req(cwA, 'PUT', '/api/v1/case-deadlines', { orgId: townA.id, kind: '信访', acceptDays: 1, handleDays: 1 })).statusCode).toBe(403);
  });
});

describe('转办', () => {
  it('moves the case when the receiving unit accepts, returns it when refused', async () => {
    const c = await create(cwA, { summary: '转办测试' });
    await act(cwA, c.id, { action: 'accept' });
    expect((await req(cwB, 'GET', `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await act(cwB, c.id, { action: 'assign', handlerId: outsider.id })).statusCode).toBe(404);
    expect((await act(cwA, c.id, { action: 'transfer', toOrgId: townB.id, note: '属红旗镇管辖' })).json()).toMatchObject({ status: '转办中', pendingToOrgId: townB.id, pendingToOrgName: '红旗镇妇联' });
    expect((await req(cwB, 'GET', `/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    expect((await act(cwA, c.id, { action: 'accept_transfer' })).statusCode).toBe(422);
    expect((await act(cwB, c.id, { action: 'refuse_transfer' })).statusCode).toBe(400);
    expect((await act(cwB, c.id, { action: 'refuse_transfer', reason: '不属本镇' })).json()).toMatchObject({ status: '受理', orgId: townA.id, pendingToOrgId: null });
    expect((await req(cwB, 'GET', `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    await act(cwA, c.id, { action: 'transfer', toOrgId: townB.id });
    expect((await act(cwB, c.id, { action: 'accept_transfer' })).json()).toMatchObject({ status: '受理', orgId: townB.id, orgName: '红旗镇妇联', handlerId: null });
    expect((await req(cwA, 'GET', `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const detail = (await req(cwB, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.transfers.map((x: { status: string }) => x.status)).toEqual(['refused', 'accepted']);
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'accept', 'transfer', 'refuse_transfer', 'transfer', 'accept_transfer']);
  });
});

describe('inbox counts', () => {
  it('count, under the list filters, exactly the cases the list shows for each tab, kind and deadline', async () => {
    const dv = await create(cwA, { kind: '家庭暴力', subkind: '身体暴力', orgId: villageA.id, summary: '保密计数', parties: [{ name: '某女士', role: '申请人' }] });
    await act(cwA, dv.id, { action: 'accept' });
    await act(cwA, dv.id, { action: 'assign', handlerId: handler.id });
    await create(cwA, { kind: '纠纷调解', subkind: '邻里', orgId: villageA.id, summary: '计数测试' });
    await advance(13);
    const total = async (h: Headers, qs: URLSearchParams) => (await req(h, 'GET', `/api/v1/cases?${qs}&pageSize=1`)).json().total as number;
    const combos = ['', 'kind=信访', 'mine=true', 'overdue=true', 'dueSoon=true', `orgId=${villageA.id}`, 'status=受理&kind=家庭暴力'];
    let checked = 0;
    for (const h of [cwA, cwB, handler.headers, adminCounty]) {
      for (const combo of combos) {
        const qs = new URLSearchParams(combo);
        const res = await req(h, 'GET', `/api/v1/cases/facets?${qs}`);
        if (h === cwB && qs.has('orgId')) {
          // another township's unit: refused as the list refuses it
          expect([res.statusCode, (await req(h, 'GET', `/api/v1/cases?${qs}`)).statusCode]).toEqual([404, 404]);
          continue;
        }
        expect(res.statusCode).toBe(200);
        const f = res.json() as { total: number; byStatus: Record<string, number>; byKind: Record<string, number>; overdue: number; dueSoon: number };
        const without = (...keys: string[]) => {
          const q = new URLSearchParams(qs);
          for (const k of keys) q.delete(k);
          return q;
        };
        expect(f.total).toBe(await total(h, without('status')));
        // no status and no kind left out: the tabs add up to the list without its status, the kinds to the list without its kind
        const added = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);
        expect(added(f.byStatus), `${combo} byStatus`).toBe(f.total);
        expect(added(f.byKind), `${combo} byKind`).toBe(await total(h, without('kind')));
        for (const [status, n] of Object.entries(f.byStatus)) expect(n, `${combo} ${status}`).toBe(await total(h, new URLSearchParams([...without('status'), ['status', status]])));
        for (const [kind, n] of Object.entries(f.byKind)) expect(n, `${combo} ${kind}`).toBe(await total(h, new URLSearchParams([...without('kind'), ['kind', kind]])));
        expect(f.overdue).toBe(await total(h, new URLSearchParams([...without('overdue', 'dueSoon'), ['overdue', 'true']])));
        expect(f.dueSoon).toBe(await total(h, new URLSearchParams([...without('overdue', 'dueSoon'), ['dueSoon', 'true']])));
        checked += f.total;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // the handler counts the confidential case they hold; a case worker of another township counts nothing of townA's
    expect((await req(handler.headers, 'GET', '/api/v1/cases/facets?mine=true')).json().byKind['家庭暴力']).toBe(1);
    expect((await req(cwB, 'GET', `/api/v1/cases/facets`)).json().byKind['家庭暴力'] ?? 0).toBe(0);
  });

  it('open the inbox to a staff member assigned as handler, with their own cases only', async () => {
    const staff = await t.userWith('staff', villageA.id, 'staff-handler');
    logins.push(staff);
    const me = async () => (await req(staff.headers, 'GET', '/api/v1/auth/me')).json() as { permissions: string[]; caseHandler: boolean };
    expect(await me()).toMatchObject({ caseHandler: false });
    expect((await me()).permissions).not.toContain('case.read');
    expect((await req(staff.headers, 'GET', '/api/v1/cases/facets')).json().total).toBe(0);
    const c = await create(cwA, { kind: '纠纷调解', subkind: '邻里', orgId: villageA.id, summary: '交工作人员办理' });
    await act(cwA, c.id, { action: 'accept' });
    await act(cwA, c.id, { action: 'assign', handlerId: staff.id });
    expect(await me()).toMatchObject({ caseHandler: true });
    const list = (await req(staff.headers, 'GET', '/api/v1/cases?pageSize=200')).json() as { items: { id: string }[]; total: number };
    expect(list.items.map((x) => x.id)).toEqual([c.id]);
    expect((await req(staff.headers, 'GET', '/api/v1/cases/facets')).json()).toMatchObject({ total: 1, byStatus: { 办理: 1 } });
  });
});
