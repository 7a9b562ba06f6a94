import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type User = { id: string; username: string; headers: { authorization: string } };
let townA: { id: string };
let townB: { id: string };
let cwA: User;
let cwB: User;
let adminA: User;
let staffA: User;
let leader: User;
let sysadmin: User;
let campaign: { id: string };
let child: { id: string };
const notes = '父亲服刑，母亲失联，由年迈祖父照料';

const req = (u: User, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: u.headers, payload });
const audits = (action: string, entityId: string) =>
  t.database.db.selectFrom('audit_log').select(['actor_name', 'org_id']).where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'c-county', name: '某县妇联', kind: 'womens_federation', divisionCode: '230623' });
  townA = await buildUnit(t.sys, { code: 'c-town-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id, divisionCode: '230623100' });
  townB = await buildUnit(t.sys, { code: 'c-town-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id, divisionCode: '230623101' });
  const cwCounty = await t.userWith('case_worker', county.id, 'cw-county');
  cwA = await t.userWith('case_worker', townA.id, 'cw-a');
  cwB = await t.userWith('case_worker', townB.id, 'cw-b');
  adminA = await t.userWith('org_admin', townA.id, 'admin-a');
  staffA = await t.userWith('staff', townA.id, 'staff-a');
  leader = await t.userWith('leader', county.id, 'leader');
  sysadmin = await t.userWith('sysadmin', null, 'root');
  campaign = (await req(cwCounty, 'POST', '/api/v1/screenings', { title: '留守儿童摸底排查', year: 2026, startOn: '2026-06-01', endOn: '2026-06-30' })).json();
  const res = await req(cwA, 'POST', `/api/v1/screenings/${campaign.id}/children`, {
    orgId: townA.id, person: { name: '王小明', idNumber: buildIdNumber({ birthDate: '2014-08-08' }) }, guardian: '父母服刑', factors: ['无人照料'], notes,
  });
  expect(res.statusCode, res.body).toBe(201);
  child = res.json();
});
afterAll(() => t.close());

describe('children’s records are confidential', () => {
  it('never lists a child’s full name, notes or ID number', async () => {
    const list = (await req(cwA, 'GET', `/api/v1/screenings/${campaign.id}/children`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: child.id, name: '王**', riskLevel: '高', guardian: '父母服刑' })]);
    const body = JSON.stringify(list) + JSON.stringify((await req(cwA, 'GET', `/api/v1/screenings/${campaign.id}`)).json());
    for (const secret of ['王小明', notes]) expect(body).not.toContain(secret);
  });

  it('opens for the township’s case workers and org_admin, each open audited; org_admin may not write', async () => {
    for (const u of [cwA, adminA]) {
      const res = await req(u, 'GET', `/api/v1/screening-children/${child.id}`);
      expect(res.statusCode, u.username).toBe(200);
      expect(res.json()).toMatchObject({ name: '王小明', notes });
    }
    expect((await audits('read_screening_child', child.id)).map((a) => a.actor_name)).toEqual(['cw-a', 'admin-a']);
    expect((await req(adminA, 'PATCH', `/api/v1/screening-children/${child.id}`, { notes: '改写' })).statusCode).toBe(404);
    expect((await audits('write_screening_child_denied', child.id)).map((a) => a.actor_name)).toEqual(['admin-a']);
  });

  it('refuses unassigned staff of the same township (404) and audits the attempt', async () => {
    const res = await req(staffA, 'GET', `/api/v1/screening-children/${child.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('王小明');
    expect(await audits('read_screening_child_denied', child.id)).toContainEqual({ actor_name: 'staff-a', org_id: townA.id });
    expect((await req(staffA, 'POST', `/api/v1/screening-children/${child.id}/pairing`, { helperName: 'x', commitment: 'y' })).statusCode).toBe(404);
    expect((await req(staffA, 'GET', `/api/v1/screenings/${campaign.id}`)).statusCode).toBe(403);
  });

  it('shows a leader and a global sysadmin counts only', async () => {
    for (const u of [leader, sysadmin]) {
      const detail = await req(u, 'GET', `/api/v1/screenings/${campaign.id}`);
      expect(detail.json()).toMatchObject({ total: { found: 1, high: 1 }, overdueChildren: [], overdueCount: 0 });
      expect(detail.json().townships[0]).toMatchObject({ found: 1, canRecord: false, canReadChildren: false });
      expect((await req(u, 'GET', `/api/v1/screenings/${campaign.id}/children`)).json()).toMatchObject({ items: [], total: 0 });
      expect((await req(u, 'GET', `/api/v1/screening-children/${child.id}`)).statusCode).toBe(404);
      expect((await req(u, 'POST', `/api/v1/screenings/${campaign.id}/children`, { orgId: townA.id, guardian: '单亲', person: { name: '李小花', idNumber: buildIdNumber({ birthDate: '2015-01-01' }) } })).statusCode).toBe(404);
    }
    expect((await audits('read_screening_child_denied', child.id)).map((a) => a.actor_name)).toEqual(expect.arrayContaining(['leader', 'root']));
  });

  it('shows another township only its own row, and a plain 404 for the other’s child, not audited', async () => {
    const detail = (await req(cwB, 'GET', `/api/v1/screenings/${campaign.id}`)).json();
    expect(detail.townships.map((r: { orgName: string }) => r.orgName)).toEqual(['乙镇妇联']);
    expect(detail.total).toMatchObject({ found: 0, townships: 1 });
    expect((await req(cwB, 'GET', `/api/v1/screening-children/${child.id}`)).statusCode).toBe(404);
    expect((await req(cwB, 'GET', `/api/v1/screenings/${campaign.id}/children`)).json().items).toEqual([]);
    expect((await audits('read_screening_child_denied', child.id)).map((a) => a.actor_name)).not.toContain('cw-b');
    expect((await req(cwB, 'POST', `/api/v1/screenings/${campaign.id}/townships/${townA.id}/complete`, { found: 1 })).statusCode).toBe(404);
  });
});
