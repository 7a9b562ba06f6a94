import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../server/db/database';

/** A table as found in the database, with what backup and restore need to order its rows. */
export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** tables this one references (other than itself) */
  parents: string[];
  /** columns referencing this same table (org_units.parent_id → id): rows must come parents first */
  selfRefs: { column: string; refColumn: string }[];
}

/**
 * The foundation tables in an order that satisfies their foreign keys; tables added later are
 * placed by their own foreign keys, after these where they allow it.
 */
export const preferredOrder = [
  'org_units', 'org_closure', 'designations', 'category_defs', 'people', 'person_orgs', 'person_categories',
  'households', 'household_members', 'users', 'user_grants', 'sessions', 'rate_buckets', 'audit_log', 'audit_head', 'settings',
];

const isInternal = (name: string) => name.startsWith('kysely_migration') || name.startsWith('sqlite_');

interface FkRow {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
}

async function sqliteTables(db: Kysely<any>): Promise<Omit<TableInfo, 'parents' | 'selfRefs'>[]> {
  // type 'table' only: FTS5 virtual tables and their shadow tables are rebuilt by their own triggers
  const names = await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table' order by name`.execute(db);
  const out = [];
  for (const { name } of names.rows.filter((r) => !isInternal(r.name))) {
    const cols = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
    out.push({
      name,
      columns: cols.rows.map((c) => c.name),
      primaryKey: cols.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
    });
  }
  return out;
}

async function sqliteForeignKeys(db: Kysely<any>, tables: string[]): Promise<FkRow[]> {
  const out: FkRow[] = [];
  for (const table of tables) {
    const r = await sql<{ table: string; from: string; to: string | null }>`select "table", "from", "to" from pragma_foreign_key_list(${table})`.execute(db);
    for (const fk of r.rows) out.push({ table, column: fk.from, refTable: fk.table, refColumn: fk.to ?? 'rowid' });
  }
  return out;
}

async function postgresTables(db: Kysely<any>): Promise<Omit<TableInfo, 'parents' | 'selfRefs'>[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const pks = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
    order by kcu.table_name, kcu.ordinal_position`.execute(db);
  const byTable = new Map<string, { name: string; columns: string[]; primaryKey: string[] }>();
  for (const c of cols.rows) {
    if (isInternal(c.table_name)) continue;
    const t = byTable.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [] };
    t.columns.push(c.column_name);
    byTable.set(c.table_name, t);
  }
  for (const k of pks.rows) byTable.get(k.table_name)?.primaryKey.push(k.column_name);
  return [...byTable.values()];
}

async function postgresForeignKeys(db: Kysely<any>): Promise<FkRow[]> {
  const r = await sql<FkRow>`
    select c.conrelid::regclass::text as "table", a.attname as "column",
           c.confrelid::regclass::text as "refTable", af.attname as "refColumn"
    from pg_constraint c
    cross join lateral unnest(c.conkey, c.confkey) as k(attnum, refnum)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    join pg_attribute af on af.attrelid = c.confrelid and af.attnum = k.refnum
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
  return r.rows;
}

/** Every application table (migration bookkeeping excluded), parents before children. */
export async function discoverTables(db: Kysely<any>, dialect: Dialect): Promise<TableInfo[]> {
  const base = dialect === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  const fks = dialect === 'sqlite' ? await sqliteForeignKeys(db, base.map((t) => t.name)) : await postgresForeignKeys(db);
  const tables: TableInfo[] = base.map((t) => {
    const own = fks.filter((f) => f.table === t.name);
    return {
      ...t,
      parents: [...new Set(own.filter((f) => f.refTable !== t.name).map((f) => f.refTable))],
      selfRefs: own.filter((f) => f.refTable === t.name).map((f) => ({ column: f.column, refColumn: f.refColumn })),
    };
  });
  return orderByDependencies(tables);
}

/** Kahn's algorithm; among ready tables the preferred list decides, then the name. Cycles keep list order. */
export function orderByDependencies(tables: TableInfo[]): TableInfo[] {
  const rank = (name: string) => {
    const i = preferredOrder.indexOf(name);
    return i === -1 ? preferredOrder.length : i;
  };
  const byRank = (a: TableInfo, b: TableInfo) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name);
  const known = new Set(tables.map((t) => t.name));
  const pending = [...tables].sort(byRank);
  const placed = new Set<string>();
  const out: TableInfo[] = [];
  while (pending.length) {
    const i = pending.findIndex((t) => t.parents.every((p) => placed.has(p) || !known.has(p)));
    const next = pending.splice(i === -1 ? 0 : i, 1)[0];
    placed.add(next.name);
    out.push(next);
  }
  return out;
}

/** Rows of a self-referencing table, each after the row it points to (parents before children). */
export function sortSelfReferencing(rows: Record<string, unknown>[], selfRefs: TableInfo['selfRefs']): Record<string, unknown>[] {
  if (selfRefs.length === 0) return rows;
  const index = new Map<string, Map<unknown, Record<string, unknown>>>();
  for (const ref of selfRefs) {
    if (!index.has(ref.refColumn)) index.set(ref.refColumn, new Map(rows.map((r) => [r[ref.refColumn], r])));
  }
  const done = new Set<Record<string, unknown>>();
  const visiting = new Set<Record<string, unknown>>();
  const out: Record<string, unknown>[] = [];
  const visit = (row: Record<string, unknown>) => {
    if (done.has(row) || visiting.has(row)) return;
    visiting.add(row);
    for (const ref of selfRefs) {
      const target = row[ref.column];
      const parent = target === null || target === undefined ? undefined : index.get(ref.refColumn)?.get(target);
      if (parent && parent !== row) visit(parent);
    }
    visiting.delete(row);
    done.add(row);
    out.push(row);
  };
  for (const row of rows) visit(row);
  return out;
}
