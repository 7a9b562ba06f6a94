import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from './factories';
import { createTestApp, type TestApp } from './test-app';

// List totals (people, ledgers) are cached against per-table write counters kept by database triggers:
// it must stay exact after every kind of write, whoever makes it (the API, the service layer,
// raw SQL as an import or a restore would, a unit moved to another township).
let t: TestApp;
let headers: { authorization: string };
let staff: { authorization: string };
let townA: { id: string };
let townB: { id: string };
let village: { id: string };

const total = async (qs = '') => (await t.app.inject({ url: `/api/v1/people?pageSize=1${qs}`, headers })).json().total as number;

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'cc-county', name: '某县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'cc-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  townB = await buildUnit(t.sys, { code: 'cc-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  village = await buildUnit(t.sys, { code: 'cc-v', name: '甲村妇联', kind: 'womens_branch', parentId: townA.id });
  headers = (await t.userWith('org_admin', county.id)).headers;
  staff = (await t.userWith('staff', county.id)).headers;
  for (let i = 0; i < 3; i++) await buildPerson(t.sys, { orgId: village.id });
  await buildPerson(t.sys, { orgId: townB.id, categories: ['困难职工'] });
});
afterAll(() => t.close());

describe('list totals', () => {
  it('stays exact after writes through the service, through raw SQL, and after a unit moves', async () => {
    expect([await total(), await total(`&orgId=${townA.id}`), await total(`&orgId=${townB.id}`)]).toEqual([4, 3, 1]);
    expect(await total()).toBe(4); // answered from the cache: same figure

    await buildPerson(t.sys, { orgId: village.id });
    expect([await total(), await total(`&orgId=${townA.id}`)]).toEqual([5, 4]);

    // a write that bypasses the app (what a restore or a hand-made fix does) is seen all the same
    const one = await t.sys.db.selectFrom('person_orgs').select(['person_id', 'org_id']).where('org_id', '=', village.id).limit(1).executeTakeFirstOrThrow();
    await t.sys.db.deleteFrom('person_orgs').where('person_id', '=', one.person_id).where('org_id', '=', one.org_id).execute();
    expect(await total(`&orgId=${townA.id}`)).toBe(3);

    // categories filter
    expect(await total(`&category=${encodeURIComponent('困难职工')}`)).toBe(1);
    await t.sys.db.deleteFrom('person_categories').execute();
    expect(await total(`&category=${encodeURIComponent('困难职工')}`)).toBe(0);

    // the village moves from township A to township B: subtree totals follow
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${village.id}`, headers, payload: { parentId: townB.id } });
    expect(moved.statusCode).toBe(200);
    expect([await total(`&orgId=${townA.id}`), await total(`&orgId=${townB.id}`)]).toEqual([0, 4]);
  });

  it('keeps one counter per watched table, moved by the database on each write', async () => {
    const before = await t.sys.db.selectFrom('data_versions').selectAll().orderBy('name').execute();
    expect(before.map((r) => r.name)).toEqual(['activities', 'assistance', 'contracts', 'loans', 'org_closure', 'people', 'person_categories', 'person_orgs']);
    await buildPerson(t.sys, { orgId: townA.id });
    const after = await t.sys.db.selectFrom('data_versions').selectAll().orderBy('name').execute();
    const moved = (name: string) => Number(after.find((r) => r.name === name)?.version) > Number(before.find((r) => r.name === name)?.version);
    expect([moved('people'), moved('person_orgs'), moved('org_closure')]).toEqual([true, true, false]);
  });

  it('keeps a ledger total exact after a create, a soft delete, a raw update and a name search', async () => {
    const ledger = async (qs = '') => (await t.app.inject({ url: `/api/v1/assistance?pageSize=1${qs}`, headers: staff })).json().total as number;
    const add = async (name: string, givenOn: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/assistance', headers: staff, payload: { name, idNumber: buildIdNumber({ gender: '女' }), orgId: townB.id, program: '送温暖', form: '现金', amountYuan: 500, givenOn } });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    expect(await ledger()).toBe(0);
    const first = await add('计数甲', '2026-01-10');
    await add('计数乙', '2026-02-10');
    expect([await ledger(), await ledger(), await ledger('&from=2026-02-01')]).toEqual([2, 2, 1]);
    expect(await ledger(`&q=${encodeURIComponent('计数甲')}`)).toBe(1);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/assistance/${first}`, headers: staff, payload: { reason: '重复录入' } });
    expect(del.statusCode).toBe(204);
    expect([await ledger(), await ledger('&includeDeleted=true')]).toEqual([1, 2]);
    await t.sys.db.updateTable('assistance').set({ given_on: '2026-03-01' }).execute();
    expect(await ledger('&from=2026-02-15')).toBe(1);
    expect(await ledger('&to=2026-02-15')).toBe(0);
    // renaming a person changes what a name search finds, though no assistance row changed
    await t.sys.db.updateTable('people').set({ name: '计数丙' }).where('name', '=', '计数乙').execute();
    expect(await ledger(`&q=${encodeURIComponent('计数乙')}`)).toBe(0);
    expect(await ledger(`&q=${encodeURIComponent('计数丙')}`)).toBe(1);
  });
});
