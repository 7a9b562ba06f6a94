import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityTypes } from '../../../domain/ledgers/catalogs';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };

const req = (headers: Headers, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
const names = (body: { items: Array<{ name: string; builtin: boolean }> }) => body.items.filter((i) => !i.builtin).map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'county', name: '林甸县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园村妇联', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', parentId: county.id });
});
afterAll(() => t.close());

describe('ledger catalogues', () => {
  it("offers the built-ins plus the unit's and its ancestors' own entries", async () => {
    const countyStaff = (await t.userWith('staff', county.id)).headers;
    const staffA = (await t.userWith('staff', townA.id)).headers;
    const staffB = (await t.userWith('staff', townB.id)).headers;
    expect((await req(countyStaff, 'POST', '/api/v1/catalogs/assistance_program', { name: '两癌救助' })).statusCode).toBe(201);
    const own = await req(staffA, 'POST', '/api/v1/catalogs/assistance_program', { name: '花园助学', orgId: townA.id });
    expect(own.json()).toMatchObject({ name: '花园助学', builtin: false, orgId: townA.id, orgName: '花园镇妇联' });
    expect((await req(staffB, 'POST', '/api/v1/catalogs/funder', { name: '红旗爱心企业' })).statusCode).toBe(201);

    const forVillage = (await req(staffA, 'GET', `/api/v1/catalogs/assistance_program?orgId=${villageA.id}`)).json();
    expect(forVillage.items.filter((i: { builtin: boolean }) => i.builtin)).toHaveLength(9);
    expect(names(forVillage)).toEqual(['两癌救助', '花园助学']);
    expect(names((await req(staffB, 'GET', '/api/v1/catalogs/assistance_program')).json())).toEqual(['两癌救助']);
    expect(names((await req(staffB, 'GET', '/api/v1/catalogs/funder')).json())).toEqual(['红旗爱心企业']);
    expect((await req(staffA, 'GET', '/api/v1/catalogs/activity_type')).json().items.map((i: { name: string }) => i.name)).toEqual([...activityTypes]);
  });

  it('refuses duplicates, separators, unknown catalogues and units out of scope', async () => {
    const staffA = (await t.userWith('staff', townA.id)).headers;
    expect((await req(staffA, 'POST', '/api/v1/catalogs/activity_type', { name: '培训' })).statusCode).toBe(409);
    expect((await req(staffA, 'POST', '/api/v1/catalogs/assistance_program', { name: '花园助学' })).statusCode).toBe(409);
    const sep = await req(staffA, 'POST', '/api/v1/catalogs/activity_type', { name: '读书、观影' });
    expect(sep.json().error.details).toContainEqual({ path: 'name', message: '名称不能包含顿号、逗号或分号' });
    expect((await req(staffA, 'GET', '/api/v1/catalogs/colors')).statusCode).toBe(400);
    expect((await req(staffA, 'GET', `/api/v1/catalogs/funder?orgId=${townB.id}`)).statusCode).toBe(404);
    expect((await req(staffA, 'POST', '/api/v1/catalogs/funder', { name: '越权', orgId: townB.id })).statusCode).toBe(404);
    const viewer = (await t.userWith('viewer', townA.id)).headers;
    expect((await req(viewer, 'POST', '/api/v1/catalogs/funder', { name: '无权' })).statusCode).toBe(403);
  });
});
