import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';

let t: TestApp;
type User = { id: string; username: string; password: string; headers: { authorization: string } };
let county: { id: string };
let townA: { id: string };
let townB: { id: string };
let cwCounty: User;
let cwA: User;
let campaign: { id: string };
let high: { id: string };
let medium: { id: string };
const clock = testClock('2026-06-15T02:00:00.000Z'); // 2026-06-15 10:00 in Shanghai

const req = (u: User, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: u.headers, payload });
/** Sets the clock; sessions expire meanwhile, so both users log in again (same header objects). */
async function setClock(iso: string) {
  clock.set(iso);
  for (const u of [cwCounty, cwA]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } });
    u.headers.authorization = `Bearer ${res.json().token as string}`;
  }
}
const childIdNumber = (birthDate: string) => buildIdNumber({ birthDate, gender: '男' });
const progress = async () => {
  const res = await req(cwCounty, 'GET', `/api/v1/screenings/${campaign.id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  county = await buildUnit(t.sys, { code: 's-county', name: '某县妇联', kind: 'womens_federation', divisionCode: '230623' });
  townA = await buildUnit(t.sys, { code: 's-town-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id, divisionCode: '230623100' });
  townB = await buildUnit(t.sys, { code: 's-town-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id, divisionCode: '230623101' });
  await buildUnit(t.sys, { code: 's-village-a', name: '甲镇一村妇联', kind: 'womens_branch', parentId: townA.id, divisionCode: '230623100201' });
  cwCounty = await t.userWith('case_worker', county.id, 'cw-county');
  cwA = await t.userWith('case_worker', townA.id, 'cw-a');
});
afterAll(() => t.close());

describe('launching a campaign', () => {
  it('covers the township-level units under the launching unit', async () => {
    const res = await req(cwCounty, 'POST', '/api/v1/screenings', { title: '2026年困境儿童摸底排查', year: 2026, startOn: '2026-06-01', endOn: '2026-07-31' });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json();
    expect(res.json()).toMatchObject({ orgId: county.id, interveneDays: 7, pairDays: 30, total: { townships: 2, found: 0 } });
    expect(res.json().townships.map((r: { orgName: string }) => r.orgName)).toEqual(['甲镇妇联', '乙镇妇联']);
  });

  it('refuses bad input with Chinese messages naming the field', async () => {
    const bad = async (body: object) => (await req(cwCounty, 'POST', '/api/v1/screenings', body)).json().error;
    const base = { title: '排查', year: 2026, startOn: '2026-06-01', endOn: '2026-07-31' };
    expect(await bad({ ...base, title: '' })).toMatchObject({ code: 'VALIDATION', details: [{ path: 'title', message: '请填写排查名称' }] });
    expect(await bad({ ...base, endOn: '2026-05-01' })).toMatchObject({ details: [{ path: 'endOn', message: '结束日期不能早于开始日期' }] });
    expect(await bad({ ...base, interveneDays: 0 })).toMatchObject({ details: [{ path: 'interveneDays', message: '高风险儿童干预时限至少 1 天' }] });
    expect(await bad({ ...base, startOn: '2026-02-30' })).toMatchObject({ details: [{ path: 'startOn', message: '开始日期应为有效日期（如 2026-03-08）' }] });
    expect(await bad({ ...base, townshipIds: [townA.id, 'nowhere'] })).toMatchObject({ details: [{ path: 'townshipIds.1', message: '参与排查的乡镇须为发起单位或其下级单位' }] });
    // a township's case worker cannot launch for the county
    expect((await req(cwA, 'POST', '/api/v1/screenings', { ...base, orgId: county.id })).statusCode).toBe(404);
  });
});

describe('recording children', () => {
  it('suggests the level from the factors, sets the high-risk deadlines, registers a new child by the people rules', async () => {
    const res = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/children`, {
      orgId: townA.id, person: { name: '王小明', idNumber: childIdNumber('2015-03-02') }, guardian: '父母双方外出务工', factors: ['遭受虐待或暴力'], notes: '祖母年迈，邻居反映有打骂',
    });
    expect(res.statusCode, res.body).toBe(201);
    high = res.json();
    expect(res.json()).toMatchObject({ name: '王小明', suggestedLevel: '高', riskLevel: '高', foundOn: '2026-06-15', dueInterveneOn: '2026-06-22', duePairOn: '2026-07-15', notes: '祖母年迈，邻居反映有打骂', interventionState: 'pending' });
    const stored = await t.database.db.selectFrom('screening_children').select('notes').where('id', '=', high.id).executeTakeFirstOrThrow();
    expect(stored.notes).not.toContain('打骂');
  });

  it('takes a child from the registry; an override needs its reason', async () => {
    const child = await buildPerson(t.sys, { orgId: townA.id, name: '李小红', birthDate: '2013-09-01' });
    const body = { orgId: townA.id, personId: child.id, guardian: '单亲', factors: ['家庭经济困难'] };
    const noReason = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/children`, { ...body, riskLevel: '低' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'overrideReason', message: '风险等级与系统建议的“中”不同，请填写调整理由' }] });
    const res = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/children`, body);
    expect(res.json()).toMatchObject({ suggestedLevel: '中', riskLevel: '中', dueInterveneOn: null, interventionState: 'not_required' });
    medium = res.json();
    expect((await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/children`, body)).json().error).toMatchObject({ code: 'CONFLICT', message: '该儿童已在本次排查中登记' });
    const low = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/children`, { orgId: townA.id, person: { name: '张小军', idNumber: childIdNumber('2016-01-05') }, guardian: '父或母一方外出务工', factors: ['本人残疾'], riskLevel: '低', overrideReason: '已享受残疾儿童康复救助' });
    expect(low.json()).toMatchObject({ suggestedLevel: '中', riskLevel: '低', overrideReason: '已享受残疾儿童康复救助' });
  });

  it('refuses an adult, an unknown factor, both or neither person, and a township outside the caller’s scope', async () => {
    const add = (body: object, u = cwA) => req(u, 'POST', `/api/v1/screenings/${campaign.id}/children`, { orgId: townA.id, guardian: '单亲', ...body });
    expect((await add({ person: { name: '刘大力', idNumber: childIdNumber('1990-01-01') } })).json().error).toMatchObject({ details: [{ path: 'person.idNumber', message: '排查对象须为未满 18 周岁的儿童' }] });
    expect((await add({ person: { name: '刘小力', idNumber: childIdNumber('2014-01-01') }, factors: ['不存在'] })).json().error.details[0]).toMatchObject({ path: 'factors.0', message: expect.stringContaining('风险因素应为') });
    expect((await add({})).json().error.details[0]).toEqual({ path: 'personId', message: '请从人员库选择儿童，或填写儿童姓名和身份证号（二选一）' });
    expect((await add({ orgId: townB.id, person: { name: '刘小力', idNumber: childIdNumber('2014-01-01') } })).statusCode).toBe(404);
    expect((await add({ person: { name: '刘小力', idNumber: childIdNumber('2014-01-01') }, foundOn: '2026-06-16' })).json().error.details[0]).toEqual({ path: 'foundOn', message: '排查日期不能晚于今天' });
  });
});

describe('progress and deadlines as the clock moves', () => {
  it('counts per township exactly', async () => {
    const p = await progress();
    expect(p.townships).toEqual([
      expect.objectContaining({ orgName: '甲镇妇联', found: 3, high: 1, medium: 1, low: 1, intervened: 0, paired: 0, overdue: 0, completed: false, canRecord: true }),
      expect.objectContaining({ orgName: '乙镇妇联', found: 0, high: 0, overdue: 0, completed: false }),
    ]);
    expect(p.total).toEqual({ found: 3, high: 1, medium: 1, low: 1, intervened: 0, paired: 0, overdue: 0, completed: false, townships: 2, completedTownships: 0 });
  });

  it('lists the high-risk child as overdue the day after the intervention deadline, until intervened', async () => {
    await setClock('2026-06-22T15:00:00.000Z'); // 06-22 23:00 in Shanghai: still on time
    expect((await progress()).total.overdue).toBe(0);
    await setClock('2026-06-22T16:00:00.000Z'); // 06-23 00:00 in Shanghai
    const p = await progress();
    expect(p.total.overdue).toBe(1);
    expect(p.overdueChildren).toEqual([expect.objectContaining({ id: high.id, name: '王**', interventionState: 'overdue', pairingState: 'pending' })]);
    const list = (await req(cwA, 'GET', `/api/v1/screenings/${campaign.id}/children?overdue=true`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([high.id]);

    const bad = await req(cwA, 'POST', `/api/v1/screening-children/${high.id}/intervention`, { mode: 'case' });
    expect(bad.json().error.details[0]).toEqual({ path: 'summary', message: '登记困境儿童个案须填写案情摘要' });
    const res = await req(cwA, 'POST', `/api/v1/screening-children/${high.id}/intervention`, { mode: 'case', summary: '排查发现遭受打骂，已联系派出所' });
    expect(res.statusCode, res.body).toBe(200);
    const caseId = res.json().intervention.caseId as string;
    expect(res.json()).toMatchObject({ intervention: { kind: 'case', on: '2026-06-23' }, interventionState: 'done', overdue: false });
    const opened = (await req(cwA, 'GET', `/api/v1/cases/${caseId}`)).json();
    expect(opened).toMatchObject({ kind: '困境儿童', riskLevel: '高', orgId: townA.id, parties: [{ name: '王小明', role: '儿童' }] });
    expect((await req(cwA, 'POST', `/api/v1/screening-children/${high.id}/intervention`, { mode: 'measure', measure: 'x' })).statusCode).toBe(409);
    expect((await progress()).total).toMatchObject({ intervened: 1, overdue: 0 });
  });

  it('turns overdue again when the pairing is late, and a raised level starts its own deadlines', async () => {
    await setClock('2026-07-15T16:00:00.000Z'); // 07-16 in Shanghai
    expect((await progress()).townships[0]).toMatchObject({ overdue: 1, intervened: 1, paired: 0 });
    const raised = await req(cwA, 'PATCH', `/api/v1/screening-children/${medium.id}`, { factors: ['家庭经济困难', '辍学或失学', '心理行为问题'] });
    expect(raised.json()).toMatchObject({ suggestedLevel: '高', riskLevel: '高', dueInterveneOn: '2026-07-23', duePairOn: '2026-08-15' });
    const noHelper = await req(cwA, 'POST', `/api/v1/screening-children/${high.id}/pairing`, { commitment: '每月走访' });
    expect(noHelper.json().error.details[0]).toEqual({ path: 'helperName', message: '请填写结对人或选择结对单位' });
    const paired = await req(cwA, 'POST', `/api/v1/screening-children/${high.id}/pairing`, { helperName: '赵桂兰', helperOrgId: townA.id, commitment: '每月上门走访一次，学期初资助学习用品', on: '2026-07-16' });
    expect(paired.json()).toMatchObject({ pairing: { helperName: '赵桂兰', helperOrgName: '甲镇妇联', on: '2026-07-16', commitment: '每月上门走访一次，学期初资助学习用品' }, overdue: false });
    expect((await progress()).total).toEqual({ found: 3, high: 2, medium: 0, low: 1, intervened: 1, paired: 1, overdue: 0, completed: false, townships: 2, completedTownships: 0 });
    await setClock('2026-07-23T16:00:00.000Z'); // 07-24: the raised child's intervention is late
    expect((await progress()).total.overdue).toBe(1);
    const measure = await req(cwA, 'POST', `/api/v1/screening-children/${medium.id}/intervention`, { mode: 'measure', measure: '协调学校安排返校', on: '2026-07-20' });
    expect(measure.json()).toMatchObject({ intervention: { kind: 'measure', measure: '协调学校安排返校', on: '2026-07-20' } });
    expect((await progress()).total).toMatchObject({ intervened: 2, overdue: 0 });
  });
});

describe('linking an existing case, and the audit trail', () => {
  it('links a 困境儿童 case naming the child, refuses another kind or another child, and audits every write', async () => {
    const low = (await req(cwA, 'GET', `/api/v1/screenings/${campaign.id}/children?riskLevel=${encodeURIComponent('低')}`)).json().items[0];
    const detail = (await req(cwA, 'GET', `/api/v1/screening-children/${low.id}`)).json();
    const other = await req(cwA, 'POST', '/api/v1/cases', { kind: '信访', channel: '来访', summary: '普通信访', orgId: townA.id });
    const wrongKind = await req(cwA, 'POST', `/api/v1/screening-children/${low.id}/intervention`, { mode: 'case', caseId: other.json().id });
    expect(wrongKind.json().error.details[0]).toEqual({ path: 'caseId', message: '关联的个案须为困境儿童个案' });
    const notHim = await req(cwA, 'POST', '/api/v1/cases', { kind: '困境儿童', riskLevel: '中', channel: '来访', summary: '另一名儿童', orgId: townA.id, parties: [{ name: '陈小兰', role: '儿童' }] });
    expect((await req(cwA, 'POST', `/api/v1/screening-children/${low.id}/intervention`, { mode: 'case', caseId: notHim.json().id })).json().error.details[0]).toEqual({ path: 'caseId', message: '该个案的当事人中没有这名儿童' });
    const his = await req(cwA, 'POST', '/api/v1/cases', { kind: '困境儿童', riskLevel: '低', channel: '来电', summary: '残疾儿童康复', orgId: townA.id, parties: [{ personId: detail.personId, role: '儿童' }] });
    const linked = await req(cwA, 'POST', `/api/v1/screening-children/${low.id}/intervention`, { mode: 'case', caseId: his.json().id });
    expect(linked.json()).toMatchObject({ intervention: { kind: 'case', caseId: his.json().id }, interventionState: 'done' });
    const actions = await t.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'in', ['screening', 'screening_child', 'screening_township']).orderBy('seq').execute();
    expect(actions.map((a) => `${a.entity}:${a.action}`)).toEqual(expect.arrayContaining(['screening:create', 'screening_child:create', 'screening_child:update', 'screening_child:intervene', 'screening_child:pair', 'screening_child:read_screening_child']));
    // the intervention stays on the child as it was: the progress counts only high-risk children as intervened
    expect((await progress()).total).toMatchObject({ high: 2, intervened: 2 });
  });
});

describe('completing a township', () => {
  it('needs the count to match the children recorded (zero allowed) and closes the township to new records', async () => {
    const wrong = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/townships/${townA.id}/complete`, { found: 2 });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toBe('已登记 3 名儿童，与填报的发现人数 2 不一致，请先登记全部发现的儿童');
    expect((await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/townships/${townA.id}/complete`, { found: -1 })).json().error.details[0]).toEqual({ path: 'found', message: '发现人数不能为负数' });
    const done = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/townships/${townA.id}/complete`, { found: 3 });
    expect(done.statusCode, done.body).toBe(200);
    expect((await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/townships/${townA.id}/complete`, { found: 3 })).statusCode).toBe(409);
    expect((await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/townships/${townB.id}/complete`, { found: 0 })).statusCode).toBe(404);
    const late = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/children`, { orgId: townA.id, person: { name: '周小雨', idNumber: childIdNumber('2017-04-04') }, guardian: '单亲' });
    expect(late.statusCode).toBe(422);
    expect((await req(cwCounty, 'POST', `/api/v1/screenings/${campaign.id}/townships/${townB.id}/complete`, { found: 0 })).statusCode).toBe(200);
    const p = await progress();
    expect(p.townships.map((r: { completed: boolean; reportedFound: number | null; completedOn: string }) => [r.completed, r.reportedFound, r.completedOn])).toEqual([
      [true, 3, '2026-07-24'], [true, 0, '2026-07-24'],
    ]);
    expect(p.total).toMatchObject({ completed: true, completedTownships: 2 });
    const list = (await req(cwCounty, 'GET', '/api/v1/screenings?year=2026')).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: campaign.id, total: { found: 3, completed: true } }] });
  });
});
