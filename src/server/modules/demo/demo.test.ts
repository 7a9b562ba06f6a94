import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { runSeed } from '../../../cli/commands/seed';
import { shanghaiDate } from '../../../domain/dates';
import { checkIdNumber } from '../../../domain/id-number';
import { checkDivisionCode } from '../../../domain/regions';
import { figureBySql } from './demo.ledgers-check';
import { demoLedgerFigures, figureHolds } from './demo.ledgers-plan';
import { buildPeople, peopleTotal } from './demo.people';
import { buildDemoPlan } from './demo.plan';
import { demoUsers, type SeedDemoResult, seedDemo } from './demo.seed';

let t: TestApp;
let year: number;
let first: SeedDemoResult;
let seconds: number;
const printed: string[] = [];

const end = () => `${year}-12-31`;

async function idOf(code: string): Promise<string> {
  return (await t.database.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function count(table: 'org_units' | 'people' | 'designations' | 'users' | 'user_grants' | 'audit_log' | 'person_categories'): Promise<number> {
  const r = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** grassroots unions existing at the year's end, optionally holding a designation in the year */
async function existingUnions(designation?: string): Promise<number> {
  let q = t.database.db
    .selectFrom('org_units as u')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('u.kind', '=', 'grassroots_union')
    .where('u.established_on', '<=', end())
    .where((eb) => eb.or([eb('u.dissolved_on', 'is', null), eb('u.dissolved_on', '>', end())]));
  if (designation) {
    q = q.where('u.id', 'in', (eb) => eb.selectFrom('designations').select('org_id').where('title', '=', designation).where('year', '=', year));
  }
  return Number((await q.executeTakeFirstOrThrow()).n);
}

beforeAll(async () => {
  t = await createTestApp();
  year = Number(shanghaiDate(t.clock.now()).slice(0, 4));
  const started = Date.now();
  first = await seedDemo(t.sys, { dataDir: t.config.dataDir, year, print: (l) => printed.push(l) });
  seconds = (Date.now() - started) / 1000;
}, 240_000);
afterAll(() => t.close());

describe('demo county', () => {
  it('seeds in one go', () => {
    expect(first).toMatchObject({ created: true, people: peopleTotal, users: demoUsers.length });
    console.info(`demo seed: ${first.units} units, ${first.people} people, ${first.users} users in ${seconds.toFixed(1)} s`);
  });

  it('holds the union figures of the seed: 334 existing, 67 new, 58 规范化建设达标', async () => {
    expect(await existingUnions()).toBe(334);
    const fresh = await t.database.db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'grassroots_union')
      .where('established_on', '>=', `${year}-01-01`)
      .where('established_on', '<=', end())
      .executeTakeFirstOrThrow();
    expect(Number(fresh.n)).toBe(67);
    expect(await existingUnions('规范化建设达标')).toBe(58);
    const dissolved = await t.database.db.selectFrom('org_units').select(['dissolved_on']).where('kind', '=', 'grassroots_union').where('dissolved_on', 'is not', null).execute();
    expect(dissolved).toHaveLength(3);
    for (const d of dissolved) expect(d.dissolved_on! < `${year}-01-01`).toBe(true);
    const zgh = await t.database.db.selectFrom('designations').select(['title', 'level']).where('org_id', '=', await idOf('LD-ZGH')).where('year', '=', year).execute();
    expect(zgh).toEqual([{ title: '大庆市职工劳动竞赛优秀组织单位', level: '市级' }]);
  });

  it('has 160 youth organizations directly under 团县委 and the 妇联 designations', async () => {
    const tw = await idOf('LD-TW');
    const youth = await t.database.db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'youth_branch').where('parent_id', '=', tw).executeTakeFirstOrThrow();
    expect(Number(youth.n)).toBe(160);
    const allYouth = await t.database.db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'youth_branch').executeTakeFirstOrThrow();
    expect(Number(allYouth.n)).toBe(160);
    const byTitle = await t.database.db
      .selectFrom('designations')
      .select(['title', 'level', (eb) => eb.fn.countAll<number>().as('n')])
      .where('year', '=', year)
      .groupBy(['title', 'level'])
      .execute();
    const n = (title: string, level: string) => Number(byTitle.find((r) => r.title === title && r.level === level)?.n ?? 0);
    expect(n('信访代理工作室', '县级')).toBe(100);
    expect(n('巾帼文明岗', '省级')).toBe(6);
    expect(n('巾帼文明岗', '市级')).toBe(8);
    expect(n('五好基层妇女组织', '县级')).toBe(90);
    const branches = await t.database.db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'womens_branch').executeTakeFirstOrThrow();
    expect(Number(branches.n)).toBe(100);
  });

  it('gives every unit a valid division code where it has one, villages 12 digits', async () => {
    const rows = await t.database.db.selectFrom('org_units').select(['code', 'level', 'division_code']).execute();
    // 531 of the units carry a division code, among them all 172 village units
    expect([rows.filter((r) => r.division_code).length, rows.filter((r) => r.level === 'village').length]).toEqual([531, 172]);
    for (const r of rows) {
      if (r.division_code) expect(checkDivisionCode(r.division_code).ok, r.code).toBe(true);
      if (r.level === 'village') expect(r.division_code).toMatch(/^230623\d{6}$/);
    }
  });

  it('stores people with valid ID numbers, 41 兼职教师 at 县委党校', async () => {
    const dx = await idOf('LD-DX');
    const teachers = await t.database.db
      .selectFrom('person_categories as pc')
      .innerJoin('people as p', 'p.id', 'pc.person_id')
      .select(['p.org_id'])
      .where('pc.category', '=', '兼职教师')
      .execute();
    expect(teachers).toHaveLength(41);
    expect(teachers.every((r) => r.org_id === dx)).toBe(true);
    const people = await t.database.db.selectFrom('people').select(['id_cipher', 'birth_date', 'gender']).execute();
    expect(people).toHaveLength(peopleTotal);
    const today = shanghaiDate(t.clock.now());
    for (const p of people) {
      const r = checkIdNumber(t.crypto.decrypt(p.id_cipher), today);
      expect(r.ok).toBe(true);
      if (r.ok) expect([r.info.birthDate, r.info.gender]).toEqual([p.birth_date, p.gender]);
    }
    const girls = await t.database.db
      .selectFrom('person_categories as pc')
      .innerJoin('people as p', 'p.id', 'pc.person_id')
      .select(['p.gender', 'p.birth_date'])
      .where('pc.category', '=', '春蕾女童')
      .execute();
    expect(girls.length).toBeGreaterThan(300);
    for (const g of girls) {
      expect(g.gender).toBe('女');
      const age = year - Number(g.birth_date.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(6);
      expect(age).toBeLessThanOrEqual(18);
    }
  });

  it('seeds the ledgers in the first half too: every figure that can hold by today holds, nothing dated after today', async () => {
    const today = shanghaiDate(t.clock.now());
    const holding = demoLedgerFigures.filter((f) => figureHolds(f, year, today));
    // in June every figure holds but the two half-year loan figures, which wait for the second half to begin
    expect([today < `${year}-07-01`, demoLedgerFigures.length - holding.length]).toEqual([true, 2]);
    for (const f of holding) expect(await figureBySql(t.database.db, f, year), `${f.org} ${f.code} ${f.says}`).toBe(f.value);
    const latest = await t.database.db
      .selectFrom('assistance')
      .select((eb) => eb.fn.max<string>('given_on').as('d'))
      .union(t.database.db.selectFrom('loans').select((eb) => eb.fn.max<string>('disbursed_on').as('d')))
      .union(t.database.db.selectFrom('activities').select((eb) => eb.fn.max<string>('start_on').as('d')))
      .union(t.database.db.selectFrom('contracts').select((eb) => eb.fn.max<string>('signed_on').as('d')))
      .execute();
    for (const r of latest) expect(r.d <= today, r.d).toBe(true);
  });

  it('writes demo-users.txt (mode 600) with distinct random passwords that log in', async () => {
    const file = join(t.config.dataDir, 'demo-users.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => l[0])).toEqual(demoUsers.map((u) => u.username));
    const passwords = lines.map((l) => l[1]);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(printed.join('\n')).toContain(passwords[0]);
    for (const [username, password] of lines) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      expect(res.statusCode, username).toBe(200);
    }
    const grants = await t.database.db
      .selectFrom('user_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('org_units as o', 'o.id', 'g.org_id')
      .select(['u.username', 'g.role', 'o.code'])
      .where('u.username', 'in', ['leader', 'hy-fl', 'zgh'])
      .orderBy('u.username')
      .orderBy('g.role')
      .execute();
    expect(grants).toEqual([
      { username: 'hy-fl', role: 'staff', code: 'LD-FL-T03' },
      { username: 'leader', role: 'leader', code: 'LD' },
      { username: 'zgh', role: 'org_admin', code: 'LD-ZGH' },
      { username: 'zgh', role: 'staff', code: 'LD-ZGH' },
    ]);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const file = join(t.config.dataDir, 'demo-users.txt');
    const before = { units: await count('org_units'), people: await count('people'), designations: await count('designations'), users: await count('users'), audit: await count('audit_log'), file: readFileSync(file, 'utf8') };
    const again = await seedDemo(t.sys, { dataDir: t.config.dataDir, year, print: () => {} });
    expect(again).toEqual({ ...first, created: false });
    const after = { units: await count('org_units'), people: await count('people'), designations: await count('designations'), users: await count('users'), audit: await count('audit_log'), file: readFileSync(file, 'utf8') };
    expect(after).toEqual(before);
  });

  it('quntuan seed accepts only `demo` (usage error: exit 2)', async () => {
    expect(await runSeed([])).toBe(2);
    expect(await runSeed(['demo', 'extra'])).toBe(2);
    expect(await runSeed(['other'])).toBe(2);
  });

  it('is deterministic given the year', () => {
    const a = buildDemoPlan(year);
    const b = buildDemoPlan(year);
    expect(b).toEqual(a);
    expect(buildPeople(year, b.units)).toEqual(buildPeople(year, a.units));
    expect(new Set(a.units.map((u) => u.code)).size).toBe(a.units.length);
    expect(new Set(a.units.map((u) => u.name)).size).toBe(a.units.length);
  });
});
