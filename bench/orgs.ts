// Benchmark: the organization tree at 100k units (closure table). Builds 市 → 县 → 20 乡镇 → 250 村
// each → 20 企业/村级组织 each (100,021 units), then times the subtree operations the scope guard
// and the org pages use. Prints figures; asserts nothing. Run: npx tsx bench/orgs.ts
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { newId } from '../src/domain/ids';
import type { OrgClosureTable, OrgUnitTable } from '../src/server/db/types';
import { orgInScope, orgInScopeSet } from '../src/server/http/scope';
import { createOrg, listOrgs } from '../src/server/modules/orgs/orgs.service';
import { systemCtx } from '../src/server/runtime';
import { benchDatabase } from './fixtures';

const { database, crypto, dir } = await benchDatabase();
const db = database.db;
const now = new Date().toISOString();
const units: Omit<OrgUnitTable, 'sort_order'>[] = [];
const closure: OrgClosureTable[] = [];
function add(name: string, code: string, parent: { id: string; ancestors: string[] } | null) {
  const id = newId();
  units.push({ id, code, name, kind: 'other', level: 'county', parent_id: parent?.id ?? null, division_code: null, established_on: '2020-01-01', dissolved_on: null, created_at: now, updated_at: now });
  const ancestors = [...(parent?.ancestors ?? []), id];
  ancestors.forEach((a, i) => closure.push({ ancestor_id: a, descendant_id: id, depth: ancestors.length - 1 - i }));
  return { id, ancestors };
}
const city = add('市委', 'C', null);
const county = add('县委', 'C-X', city);
const towns: { id: string; ancestors: string[] }[] = [];
for (let t = 0; t < 20; t++) {
  const town = add(`乡镇${t}`, `C-X-${t}`, county);
  towns.push(town);
  for (let v = 0; v < 250; v++) {
    const village = add(`乡镇${t}村${v}`, `C-X-${t}-${v}`, town);
    for (let e = 0; e < 19; e++) add(`乡镇${t}村${v}组织${e}`, `C-X-${t}-${v}-${e}`, village);
  }
}
const t0 = performance.now();
for (let i = 0; i < units.length; i += 500) await db.insertInto('org_units').values(units.slice(i, i + 500)).execute();
for (let i = 0; i < closure.length; i += 1000) await db.insertInto('org_closure').values(closure.slice(i, i + 1000)).execute();
await sql`ANALYZE`.execute(db);
process.stdout.write(`${units.length.toLocaleString('en')} units, ${closure.length.toLocaleString('en')} closure rows inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s\n\n`);

async function median(label: string, fn: () => Promise<unknown>, runs = 7) {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    xs.push(performance.now() - s);
  }
  xs.sort((a, b) => a - b);
  process.stdout.write(`  ${label.padEnd(58)} ${xs[Math.floor(runs / 2)].toFixed(2).padStart(8)} ms\n`);
}
const ctx = systemCtx({ database, crypto, now: () => new Date() }, 'bench');
const scopeOf = (root: string) => ({ all: false, roots: [root] });
const leaf = units[units.length - 1];
await median('count units in the county subtree (100k)', () => db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).where(orgInScope(scopeOf(county.id), 'org_units.id')).executeTakeFirst());
await median('count units in one township subtree (5k), per-row probe', () => db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).where(orgInScope(scopeOf(towns[3].id), 'org_units.id')).executeTakeFirst());
await median('count units in one township subtree (5k), subtree-first', () => db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).where(orgInScopeSet(scopeOf(towns[3].id), 'org_units.id')).executeTakeFirst());
await median('is a leaf inside the county? (scope check of one record)', () => db.selectFrom('org_units').select('id').where('id', '=', leaf.id).where(orgInScope(scopeOf(county.id), 'org_units.id')).executeTakeFirst());
await median('is a leaf inside another township? (404 path)', () => db.selectFrom('org_units').select('id').where('id', '=', leaf.id).where(orgInScope(scopeOf(towns[0].id), 'org_units.id')).executeTakeFirst());
await median('children of a township, page of 100 with child counts', () => listOrgs(ctx, { parentId: towns[5].id, page: 1, pageSize: 100 }));
await median('search by name across the tree (LIKE)', () => listOrgs(ctx, { q: '村249组织18', page: 1, pageSize: 20 }));
let n = 0;
await median('add a unit at depth 5 (service: closure rows + audit)', () => createOrg(ctx, { code: `NEW-${n++}`, name: '新建组织', kind: 'other', parentId: units[100].id }));
await database.close();
rmSync(dir, { recursive: true, force: true });
