import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { addDays } from '../../../domain/cases/deadlines';
import { shanghaiDate } from '../../../domain/dates';

/**
 * 待办 on a county built from scratch (no demo codes): each kind appears for the users who act on it,
 * inside their scope only, with the bell's count equal to the list's, and leaves once the record moves on.
 */
let t: TestApp;
type Headers = { authorization: string };
type Login = { id: string; username: string; password: string; headers: Headers };
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let admin: Login;
let cwA: Login;
let handler: Login;
let cwB: Login;
let staffA: Login;
let staffB: Login;
let viewerA: Login;
const logins: Login[] = [];
const day = 86_400_000;
const today = () => shanghaiDate(t.clock.now());

interface TodoAnswer {
  today: string;
  total: number;
  groups: { kind: string; label: string; total: number; items: { kind: string; id: string; title: string; dueDate: string | null; severity: string; link: string; note?: string }[] }[];
  digest: { text: string | null; sentAt: string | null };
}

async function user(role: 'case_worker' | 'org_admin' | 'staff' | 'viewer' | 'sysadmin', orgId: string | null, name: string) {
  const u = await t.userWith(role, orgId, name);
  logins.push(u);
  return u;
}
/** moves the clock by whole days; sessions expire meanwhile, so everyone logs in again (same header objects) */
async function advance(days: number) {
  t.clock.advance(days * day);
  for (const u of logins) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } });
    u.headers.authorization = `Bearer ${res.json().token as string}`;
  }
}
async function post(headers: Headers, url: string, payload: object) {
  const res = await t.app.inject({ method: 'POST', url, headers, payload });
  if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}
async function todo(u: Login): Promise<TodoAnswer> {
  const res = await t.app.inject({ url: '/api/v1/todo', headers: u.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}
async function bell(u: Login): Promise<number> {
  const res = await t.app.inject({ url: '/api/v1/todo/count', headers: u.headers });
  expect(res.statusCode).toBe(200);
  return res.json().total;
}
const group = (a: TodoAnswer, kind: string) => a.groups.find((g) => g.kind === kind);
const ids = (a: TodoAnswer) => a.groups.flatMap((g) => g.items.map((i) => i.id));

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'TD-COUNTY', name: '某县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'TD-A', name: '东镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'TD-A-1', name: '东镇一村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'TD-B', name: '西镇妇联', kind: 'womens_federation', parentId: county.id });
  admin = await user('sysadmin', null, 'td-admin');
  cwA = await user('case_worker', townA.id, 'td-cw-a');
  handler = await user('case_worker', villageA.id, 'td-handler');
  cwB = await user('case_worker', townB.id, 'td-cw-b');
  staffA = await user('staff', townA.id, 'td-staff-a');
  staffB = await user('staff', townB.id, 'td-staff-b');
  viewerA = await user('viewer', townA.id, 'td-viewer-a');
});
afterAll(() => t.close());

describe('待办: cases', () => {
  it('a case past its deadline is on the handler’s and the supervisor’s list and bell, nobody else’s, and leaves when it moves on', async () => {
    const c = await post(cwA.headers, '/api/v1/cases', { kind: '信访', channel: '来访', summary: '反映拖欠工资三个月', orgId: villageA.id, parties: [{ name: '当事人甲', role: '申请人' }] });
    await post(cwA.headers, `/api/v1/cases/${c.id}/transitions`, { action: 'accept' });
    await post(cwA.headers, `/api/v1/cases/${c.id}/transitions`, { action: 'assign', handlerId: handler.id });
    expect(group(await todo(handler), 'cases.deadline')).toBeUndefined();
    await advance(58); // two days before the 60 days of handling run out: due soon
    const soon = group(await todo(handler), 'cases.deadline');
    expect(soon?.items).toEqual([expect.objectContaining({ id: c.id, severity: 'due', link: `/cases/${c.id}`, title: '信访：反映拖欠工资三个月', note: '办结期限还有 2 天' })]);
    await advance(3);
    const mine = await todo(handler);
    expect(group(mine, 'cases.deadline')).toMatchObject({ label: '个案办理期限', total: 1, items: [{ id: c.id, severity: 'overdue', note: '办结期限已超期 1 天' }] });
    expect(await bell(handler)).toBe(mine.total);
    expect(mine.total).toBe(1);
    // the supervisor (case worker of the township above) has it too; another township's case worker and a viewer do not
    expect(ids(await todo(cwA))).toContain(c.id);
    expect(ids(await todo(cwB))).not.toContain(c.id);
    expect(await bell(cwB)).toBe(0);
    expect(ids(await todo(viewerA))).not.toContain(c.id);
    // moving on: closed, it leaves the list and the bell; the 回访 shows only when it falls due
    await post(handler.headers, `/api/v1/cases/${c.id}/transitions`, { action: 'close', outcome: '化解', outcomeText: '工资已结清' });
    expect(ids(await todo(handler))).not.toContain(c.id);
    expect(await bell(handler)).toBe(0);
    await advance(24);
    const followup = group(await todo(handler), 'cases.followup');
    expect(followup?.items).toEqual([expect.objectContaining({ id: c.id, dueDate: addDays(shanghaiDate(new Date(t.clock.now().getTime() - 24 * day)), 30), severity: 'info' })]);
    await advance(4);
    expect(group(await todo(handler), 'cases.followup')?.items[0]).toMatchObject({ id: c.id, severity: 'due' });
    await post(handler.headers, `/api/v1/cases/${c.id}/followups`, { method: '电话' });
    expect(await bell(handler)).toBe(0);
  });

  it('a 转办 waits for the unit it is addressed to, not for the sender', async () => {
    const c = await post(cwA.headers, '/api/v1/cases', { kind: '信访', channel: '来访', summary: '邻里纠纷需西镇处理', orgId: townA.id, parties: [{ name: '当事人乙', role: '申请人' }] });
    await post(cwA.headers, `/api/v1/cases/${c.id}/transitions`, { action: 'accept' });
    await post(cwA.headers, `/api/v1/cases/${c.id}/transitions`, { action: 'transfer', toOrgId: townB.id, note: '属西镇辖区' });
    expect(group(await todo(cwB), 'cases.transfer')?.items.map((i) => i.id)).toEqual([c.id]);
    expect(group(await todo(cwA), 'cases.transfer')).toBeUndefined();
    await post(cwB.headers, `/api/v1/cases/${c.id}/transitions`, { action: 'accept_transfer' });
    expect(group(await todo(cwB), 'cases.transfer')).toBeUndefined();
  });
});

describe('待办: ledgers, wishes, selections, screenings', () => {
  it('each kind appears for the clerks of its unit and never outside their scope', async () => {
    const person = await post(admin.headers, '/api/v1/people', { name: '王秀兰', idNumber: buildIdNumber({ gender: '女' }), orgId: villageA.id });
    const d = today();
    const loan = await post(staffA.headers, '/api/v1/loans', { personId: person.id, principalWan: 5, bank: '农商银行', disbursedOn: addDays(d, -300), dueOn: addDays(d, 10), orgId: villageA.id });
    const farLoan = await post(staffA.headers, '/api/v1/loans', { personId: person.id, principalWan: 3, disbursedOn: addDays(d, -30), dueOn: addDays(d, 200), orgId: villageA.id });
    const wish = await post(staffA.headers, '/api/v1/wishes', { orgId: villageA.id, personId: person.id, beneficiaryKind: '妇女', title: '一台缝纫机', story: '想在家做点活计', valueYuan: 150 });
    const pairing = await post(staffA.headers, '/api/v1/pairings', { orgId: villageA.id, helperKind: 'unit', helperOrgId: townA.id, helperRole: '巾帼文明岗', helpedKind: 'person', helpedPersonId: person.id, helpedRole: '单亲困难母亲', commitmentKind: '走访', everyMonths: 1, startedOn: addDays(d, -45) });
    const campaign = await post(staffA.headers, '/api/v1/campaigns', { orgId: townA.id, name: '东镇最美家庭', kind: '最美家庭', nomineeType: 'unit', year: Number(d.slice(0, 4)), awardLevel: '县级', quotas: [{ orgId: villageA.id, quota: 1 }] });
    await post(staffA.headers, `/api/v1/campaigns/${campaign.id}/nominations`, { nominatingOrgId: villageA.id, unitId: villageA.id, deeds: '孝老爱亲' });
    const screening = await post(admin.headers, '/api/v1/screenings', { title: '东镇困境儿童排查', year: Number(d.slice(0, 4)), startOn: d, endOn: addDays(d, 30), orgId: townA.id, townshipIds: [townA.id] });
    const child = await post(cwA.headers, `/api/v1/screenings/${screening.id}/children`, { orgId: townA.id, person: { name: '李小花', idNumber: buildIdNumber({ birthDate: '2016-04-04' }) }, guardian: '事实无人抚养', factors: ['无人照料'] });

    const a = await todo(staffA);
    expect(group(a, 'loans.due')?.items).toEqual([expect.objectContaining({ id: loan.id, link: `/loans/${loan.id}`, title: '王秀兰 贷款 5 万元（农商银行）', severity: 'due', note: '还有 10 天' })]);
    expect(ids(a)).not.toContain(farLoan.id);
    expect(group(a, 'wishes.review')?.items.map((i) => i.id)).toEqual([wish.id]);
    expect(group(a, 'pairings.visit')?.items).toEqual([expect.objectContaining({ id: pairing.id, severity: 'overdue', link: `/pairings?open=${pairing.id}` })]);
    expect(group(a, 'selections.review')?.items).toEqual([expect.objectContaining({ id: campaign.id, title: '东镇最美家庭：1 项提名待审核', link: `/campaigns/${campaign.id}` })]);
    expect(await bell(staffA)).toBe(a.total);
    expect(a.total).toBe(a.groups.reduce((n, g) => n + g.total, 0));
    // the screening child is the case workers' (a staff member has no access to children's records)
    expect(ids(a)).not.toContain(child.id);
    const cw = await todo(cwA);
    expect(group(cw, 'screenings.followup')?.items).toEqual([expect.objectContaining({ id: child.id, title: '高风险儿童 李**：待干预、结对', link: `/screenings/${screening.id}/townships/${townA.id}` })]);
    // the other township's staff and case worker, and a viewer of township A: none of it
    for (const other of [staffB, cwB, viewerA]) {
      const o = await todo(other);
      for (const id of [loan.id, wish.id, pairing.id, campaign.id, child.id]) expect(ids(o)).not.toContain(id);
    }
    expect(await bell(staffB)).toBe(0);
    // the digest as 首页 shows it: counts only, no names
    expect(a.digest.text).toMatch(/^【待办提醒】td-staff-a，您有 \d+ 项待办：.*贷款到期 1 项.*。请登录群团工作平台处理。$/);
    expect(a.digest.text).not.toContain('王秀兰');
    // moving on: the loan repaid, the wish reviewed, the pairing visited — each leaves
    await post(staffA.headers, `/api/v1/loans/${loan.id}/repayments`, { paidOn: today(), amountYuan: 50000 });
    await post(staffA.headers, `/api/v1/loans/${loan.id}/status`, { status: '已还清' });
    await post(staffA.headers, `/api/v1/wishes/${wish.id}/transitions`, { action: 'approve' });
    await post(staffA.headers, `/api/v1/pairings/${pairing.id}/visits`, { visitedOn: today(), kind: '走访' });
    const after = await todo(staffA);
    for (const id of [loan.id, wish.id, pairing.id]) expect(ids(after)).not.toContain(id);
  });

  it('a target behind 序时进度 is on its unit’s clerks’ list', async () => {
    const year = Number(today().slice(0, 4));
    const target = await post(staffB.headers, '/api/v1/targets', { orgId: townB.id, year, metric: 'activities.sessions', value: 100, title: '全年培训100场' });
    const b = await todo(staffB);
    expect(group(b, 'targets.behind')?.items).toEqual([expect.objectContaining({ id: target.id, title: '西镇妇联：全年培训100场', link: `/targets?year=${year}` })]);
    expect(ids(await todo(staffA))).not.toContain(target.id);
  });
});

describe('reminder settings', () => {
  it('takes a mobile number (stored masked), refuses anything else naming the field, and records the opt-out', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: staffA.headers, payload: { digestEnabled: true, phone: '0459-4621234' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'phone', message: '接收提醒须为 11 位手机号' }]);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: staffA.headers, payload: { digestEnabled: false, phone: '13904591234' } });
    expect(ok.json()).toMatchObject({ digestEnabled: false, phoneMasked: '139****1234', hour: 8 });
    const row = await t.database.db.selectFrom('user_notify_settings').selectAll().where('user_id', '=', staffA.id).executeTakeFirstOrThrow();
    expect(row.phone_cipher).not.toContain('13904591234');
    const audit = await t.database.db.selectFrom('audit_log').select('detail').where('entity', '=', 'user_reminders').where('entity_id', '=', staffA.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).not.toContain('13904591234');
    expect((await t.app.inject({ url: '/api/v1/me/reminders', headers: staffB.headers })).json()).toMatchObject({ digestEnabled: true, phoneMasked: null });
  });
});
