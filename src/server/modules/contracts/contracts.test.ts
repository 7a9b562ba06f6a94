import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { buildContract } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type Headers = { authorization: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'county', name: '林甸县总工会', kind: 'union' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇工会', kind: 'union', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园乳业工会', kind: 'grassroots_union', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇工会', kind: 'union', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
});
afterAll(() => t.close());

describe('collective contracts ledger', () => {
  it('creates, reads, patches and soft-deletes a contract with a reason', async () => {
    const res = await req(staffA, 'POST', '/api/v1/contracts', { enterprise: '花园乳业有限公司', type: '女职工专项', signedOn: '2026-03-01', expiresOn: '2029-02-28', workers: 320, orgCode: 'village-a' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ orgId: villageA.id, orgName: '花园乳业工会', type: '女职工专项', workers: 320, expiresOn: '2029-02-28' });
    expect((await req(staffA, 'GET', `/api/v1/contracts/${c.id}`)).json()).toEqual({ ...c, batch: null }); // the detail names its import batch (none here)
    const patched = await req(staffA, 'PATCH', `/api/v1/contracts/${c.id}`, { workers: 330, expiresOn: null });
    expect(patched.json()).toMatchObject({ workers: 330, expiresOn: null, enterprise: '花园乳业有限公司' });
    expect((await req(staffA, 'POST', '/api/v1/contracts', { enterprise: '花园乳业有限公司', type: '女职工专项', signedOn: '2026-03-01', workers: 1, orgId: villageA.id })).statusCode).toBe(409);
    expect((await req(staffA, 'DELETE', `/api/v1/contracts/${c.id}`)).statusCode).toBe(400);
    expect((await req(staffA, 'DELETE', `/api/v1/contracts/${c.id}`, { reason: '企业注销' })).statusCode).toBe(204);
    expect((await req(staffA, 'GET', '/api/v1/contracts')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await req(staffA, 'GET', `/api/v1/contracts/${c.id}`)).json()).toMatchObject({ deleteReason: '企业注销' });
    expect((await req(staffA, 'DELETE', `/api/v1/contracts/${c.id}`, { reason: '再删' })).statusCode).toBe(404);
  });

  it.each([
    ['bad type', { type: '劳务' }, 'type', '合同类型应为 综合、女职工专项、工资专项 之一'],
    ['expiry before signing', { expiresOn: '2020-01-01' }, 'expiresOn', '到期日期不能早于签订日期'],
    ['fractional workers', { workers: 1.5 }, 'workers', '覆盖职工人数应为整数'],
  ])('refuses %s with 400 naming the field', async (_l, patch, path, message) => {
    const res = await req(staffA, 'POST', '/api/v1/contracts', { enterprise: '某企业', type: '综合', signedOn: '2026-01-01', workers: 10, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path, message });
  });

  it('filters by type, period and subtree; hides other townships', async () => {
    for (let i = 0; i < 3; i++) await buildContract(t.sys, { orgId: villageA.id, type: '工资专项', signedOn: `2026-0${i + 1}-15` });
    const b = await buildContract(t.sys, { orgId: townB.id, type: '工资专项' });
    const get = async (qs: string) => (await req(staffA, 'GET', `/api/v1/contracts?${qs}`)).json();
    expect((await get(`type=${encodeURIComponent('工资专项')}`)).total).toBe(3);
    expect((await get(`type=${encodeURIComponent('工资专项')}&from=2026-02-01&to=2026-02-28`)).total).toBe(1);
    expect((await get(`orgId=${villageA.id}&pageSize=1&page=3`)).items).toHaveLength(1);
    expect((await req(staffA, 'GET', `/api/v1/contracts/${b.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'GET', `/api/v1/contracts?orgId=${townA.id}`)).statusCode).toBe(404);
    expect((await req(staffA, 'PATCH', `/api/v1/contracts/${b.id}`, { workers: 1 })).statusCode).toBe(404);
  });
});
