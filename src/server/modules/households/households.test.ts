import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { buildPerson, buildUnit } from '../../../../test/factories';

let t: TestApp;
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
type Headers = { authorization: string };
let staffA: Headers;
let staffB: Headers;
let father: { id: string };
let mother: { id: string };
let child: { id: string };
let outsider: { id: string };

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'county', name: '林甸县委', kind: 'party_committee' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  father = await buildPerson(t.sys, { orgId: villageA.id, name: '张建国', phone: '13912345678' });
  mother = await buildPerson(t.sys, { orgId: villageA.id, name: '李桂兰' });
  child = await buildPerson(t.sys, { orgId: villageA.id, name: '张小明', categories: ['留守儿童'] });
  outsider = await buildPerson(t.sys, { orgId: townB.id, name: '孙红旗' });
});
afterAll(() => t.close());

describe('households', () => {
  let household: { id: string };

  it('creates a household with its head and members, masked, with the address encrypted', async () => {
    const res = await inject('POST', '/api/v1/households', staffA, {
      name: '张建国户',
      orgCode: 'village-a',
      address: '花园镇花园村三组十二号',
      headPersonId: father.id,
      categories: ['困难家庭', '低保户'],
      members: [{ personId: mother.id, relation: '配偶' }],
    });
    expect(res.statusCode).toBe(201);
    household = res.json();
    expect(res.json()).toMatchObject({
      name: '张建国户', orgId: villageA.id, orgName: '花园村妇联', address: '花园镇花园村******',
      categories: ['困难家庭', '低保户'], headPersonId: father.id, headName: '张建国', memberCount: 2,
    });
    expect(res.json().members[0]).toMatchObject({ personId: father.id, relation: '户主', phone: '139****5678' });
    expect(res.json().members[0].idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const stored = await t.sys.db.selectFrom('households').selectAll().where('id', '=', household.id).executeTakeFirstOrThrow();
    expect(stored.categories).toBe('困难家庭、低保户');
    expect(stored.address_cipher).not.toContain('花园');
    expect(t.crypto.decrypt(stored.address_cipher as string)).toBe('花园镇花园村三组十二号');
  });

  it('adds and removes members; refuses a duplicate and a second head', async () => {
    const url = `/api/v1/households/${household.id}/members`;
    const add = await inject('POST', url, staffA, { personId: child.id, relation: '子女' });
    expect(add.statusCode).toBe(201);
    expect(add.json().memberCount).toBe(3);
    expect((await inject('POST', url, staffA, { personId: child.id, relation: '子女' })).statusCode).toBe(409);
    expect((await inject('POST', url, staffA, { personId: child.id, relation: '' })).statusCode).toBe(400);
    const del = await inject('DELETE', `${url}/${mother.id}`, staffA);
    expect(del.statusCode).toBe(204);
    expect((await inject('DELETE', `${url}/${mother.id}`, staffA)).statusCode).toBe(404);
    expect((await inject('POST', url, staffA, { personId: mother.id, relation: '户主' })).statusCode).toBe(422);
    const detail = (await inject('GET', `/api/v1/households/${household.id}`, staffA)).json();
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['张建国', '张小明']);
    const audit = await t.sys.db.selectFrom('audit_log').select('action').where('entity', '=', 'household').where('entity_id', '=', household.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'add_member', 'remove_member']);
  });

  it('edits a household and changes its head', async () => {
    const res = await inject('PATCH', `/api/v1/households/${household.id}`, staffA, { headPersonId: mother.id, categories: ['低保户'], address: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ headPersonId: mother.id, headName: '李桂兰', categories: ['低保户'], address: null, memberCount: 3, liftedOn: null });
    expect(res.json().members.map((m: { name: string; relation: string }) => `${m.name}:${m.relation}`)).toEqual(['李桂兰:户主', '张建国:其他', '张小明:子女']);
  });

  it('lists households in scope, filters by unit subtree and name', async () => {
    await inject('POST', '/api/v1/households', staffB, { name: '孙红旗户', headPersonId: outsider.id });
    const listA = (await inject('GET', '/api/v1/households', staffA)).json();
    expect(listA.items.map((h: { name: string }) => h.name)).toEqual(['张建国户']);
    expect(listA.items[0]).toMatchObject({ memberCount: 3, headName: '李桂兰', orgName: '花园村妇联' });
    expect((await inject('GET', `/api/v1/households?orgId=${villageA.id}&q=${encodeURIComponent('建国')}`, staffA)).json().total).toBe(1);
    expect((await inject('GET', `/api/v1/households?q=${encodeURIComponent('%')}`, staffA)).json().total).toBe(0);
    expect((await inject('GET', `/api/v1/households?orgId=${townB.id}`, staffA)).statusCode).toBe(404);
    const listB = (await inject('GET', '/api/v1/households', staffB)).json();
    expect(listB.items.map((h: { name: string }) => h.name)).toEqual(['孙红旗户']);
  });

  it('hides a household of another township (404) and refuses members outside the scope', async () => {
    const url = `/api/v1/households/${household.id}`;
    expect((await inject('GET', url, staffB)).statusCode).toBe(404);
    expect((await inject('PATCH', url, staffB, { name: '改名' })).statusCode).toBe(404);
    expect((await inject('POST', `${url}/members`, staffB, { personId: outsider.id, relation: '亲属' })).statusCode).toBe(404);
    expect((await inject('DELETE', `${url}/members/${child.id}`, staffB)).statusCode).toBe(404);
    const foreign = await inject('POST', `${url}/members`, staffA, { personId: outsider.id, relation: '亲属' });
    expect(foreign.statusCode).toBe(404);
    const create = await inject('POST', '/api/v1/households', staffB, { name: '越权户', members: [{ personId: child.id, relation: '子女' }] });
    expect(create.statusCode).toBe(404);
    expect(create.json().error.details).toEqual([{ path: 'members.0.personId', message: '人员不存在或不在您的管辖范围内' }]);
    const viewer = (await t.userWith('viewer', townA.id)).headers;
    expect((await inject('GET', url, viewer)).statusCode).toBe(200);
    expect((await inject('PATCH', url, viewer, { name: '改名' })).statusCode).toBe(403);
  });
});
