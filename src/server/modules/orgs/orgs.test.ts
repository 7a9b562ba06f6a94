import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { buildUnit } from '../../../../test/factories';

let t: TestApp;
let county: { id: string };
let townA: { id: string; code: string };
let townB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'county', name: '林甸县委', kind: 'party_committee', divisionCode: '230623' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id, divisionCode: '230623100' });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  await buildUnit(t.sys, { code: 'village-a1', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id, divisionCode: '230623100201' });
});
afterAll(() => t.close());

describe('organization tree', () => {
  it('creates a unit under a parent in scope and infers its level from the division code', async () => {
    const admin = await t.userWith('org_admin', townA.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { code: 'village-a2', name: '新华村妇联', kind: 'womens_branch', parentCode: 'town-a', divisionCode: '230623100202', establishedOn: '2026-03-08' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'village-a2', level: 'village', levelLabel: '村级', parentId: townA.id });
    const kids = await t.app.inject({ url: `/api/v1/orgs?parentId=${townA.id}`, headers: admin.headers });
    expect(kids.json().items.map((o: { code: string }) => o.code)).toEqual(['village-a1', 'village-a2']);
  });

  it('refuses a bad division code, kind and date with Chinese messages naming the field', async () => {
    const admin = await t.userWith('org_admin', county.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { code: 'x1', name: '某组织', kind: 'club', parentId: county.id, divisionCode: '23062', establishedOn: '2026-02-30' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION');
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'divisionCode', 'establishedOn']));
    expect(body.error.details.find((d: { path: string }) => d.path === 'divisionCode').message).toBe('行政区划代码应为 6、9 或 12 位数字');
  });

  it('refuses a duplicate code with 409 and writes nothing', async () => {
    const admin = await t.userWith('org_admin', county.id);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: admin.headers, payload: { code: 'town-b', name: '重复', kind: 'other', parentId: county.id } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已被使用');
  });

  it('hides units outside the caller scope (404) and lists only the scope roots', async () => {
    const userB = await t.userWith('org_admin', townB.id);
    expect((await t.app.inject({ url: `/api/v1/orgs/${townA.id}`, headers: userB.headers })).statusCode).toBe(404);
    const roots = await t.app.inject({ url: '/api/v1/orgs', headers: userB.headers });
    expect(roots.json().items.map((o: { code: string }) => o.code)).toEqual(['town-b']);
    const search = await t.app.inject({ url: '/api/v1/orgs?q=花园', headers: userB.headers });
    expect(search.json().items).toEqual([]);
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: userB.headers, payload: { code: 'sneak', name: '越权', kind: 'other', parentId: townA.id } });
    expect(create.statusCode).toBe(404);
  });

  it('moves a subtree and keeps subtree queries right; refuses a move under its own child', async () => {
    const admin = await t.userWith('sysadmin', null);
    const v1 = (await t.app.inject({ url: '/api/v1/orgs?q=village-a1', headers: admin.headers })).json().items[0];
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${v1.id}`, headers: admin.headers, payload: { parentId: townB.id } });
    expect(moved.statusCode).toBe(200);
    const userB = await t.userWith('viewer', townB.id);
    expect((await t.app.inject({ url: `/api/v1/orgs/${v1.id}`, headers: userB.headers })).json().path.map((p: { code: string }) => p.code)).toEqual(['town-b', 'village-a1']);
    const loop = await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${townB.id}`, headers: admin.headers, payload: { parentId: v1.id } });
    expect(loop.statusCode).toBe(422);
  });

  it('records designations per year and refuses a duplicate', async () => {
    const admin = await t.userWith('org_admin', county.id);
    const url = `/api/v1/orgs/${townA.id}/designations`;
    const ok = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { title: '五好基层妇女组织', level: '县级', year: 2026 } });
    expect(ok.statusCode).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { title: '五好基层妇女组织', level: '县级', year: 2026 } });
    expect(dup.statusCode).toBe(409);
    const bad = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { title: '巾帼文明岗', level: '乡级', year: 2026 } });
    expect(bad.statusCode).toBe(400);
    const list = await t.app.inject({ url, headers: admin.headers });
    expect(list.json().items).toHaveLength(1);
  });

  it('viewers cannot write', async () => {
    const viewer = await t.userWith('viewer', county.id);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: viewer.headers, payload: { code: 'v-x', name: 'x', kind: 'other', parentId: county.id } });
    expect(res.statusCode).toBe(403);
  });
});
