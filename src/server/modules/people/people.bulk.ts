import { CompiledQuery, type Insertable } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { checkIdNumber } from '../../../domain/id-number';
import { newId } from '../../../domain/ids';
import { maskIdNumber, maskPhone } from '../../../domain/mask';
import { checkPhone } from '../../../domain/phone';
import { type Ctx, nowIso } from '../../context';
import type { DB, PersonCategoryTable, PersonOrgTable, PersonTable } from '../../db/types';

/**
 * People in bulk, for the Excel importer: one person per ID number across all units (as
 * createPerson), but 500 blind-index look-ups per query and multi-row inserts instead of a
 * round trip per row; an import keeps a `PeopleCache` across its chunks. Names are compared as people.service compares them; a mismatch is a
 * per-row error, never a silent overwrite. Encryption and masks exactly as people.service.
 */
export interface BulkPersonRow {
  name: string;
  idNumber: string; // normalized, already checked (GB 11643)
  orgId: string;
  categories?: string[];
  phone?: string | null;
  address?: string | null;
  ethnicity?: string | null;
  note?: string | null;
}

export interface EnsurePeopleResult {
  /** ID number → person id (in a dry run only those on record) */
  ids: Map<string, string>;
  /** row index → message (姓名与身份证号不一致) */
  errors: Map<number, string>;
  /** ID numbers not on record before (created now, or to be created) */
  fresh: Set<string>;
  created: number;
}

/**
 * What an import has learnt about people so far, kept across its chunks so each ID number is
 * hashed and looked up once: the person on record (`id`), or, for one not on record yet, the name
 * of the first row that named them (`id` null until registered).
 */
export type PeopleCache = Map<string, { id: string | null; name: string }>;

export const nameMismatchMessage = '姓名与身份证号不一致';
const chunk = 500;
// as people.service: no spaces, one middle dot, so "阿依古丽·买买提" from Excel matches the form's
const nameKey = (name: string) => name.replace(/\s+/g, '').replace(/[•.]/g, '·');

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}

// Parameters per statement: well under both limits (SQLite 32,766, PostgreSQL 65,535). Larger
// statements measured no faster on SQLite (preparing a 30,000-parameter statement costs more per
// row than it saves in round trips), so about 500 rows of a ledger go in one statement.
const maxParameters = 10_000;
const maxRowsPerInsert = 1_000;

/**
 * Inserts rows in multi-row statements sized to the parameter limit. Kysely compiles the statement
 * once per shape (table, columns, row count); later chunks reuse its SQL with new parameters, which
 * saves the per-row cost of compiling value nodes for every chunk. The SQL is Kysely's, so it stays
 * portable. Every row must have the first row's columns.
 */
export async function bulkInsert<T extends keyof DB & string>(ctx: Ctx, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const size = Math.max(1, Math.min(maxRowsPerInsert, Math.floor(maxParameters / columns.length)));
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size) as Record<string, unknown>[];
    const key = `${ctx.dialect}|${table}|${part.length}|${columns.join(',')}`;
    let text = compiledInserts.get(key);
    if (!text) {
      const compiled = ctx.db.insertInto(table).values(part as never).compile();
      if (compiled.parameters.length !== part.length * columns.length) {
        await ctx.db.executeQuery(compiled);
        continue;
      }
      text = compiled.sql;
      if (compiledInserts.size > 200) compiledInserts.clear();
      compiledInserts.set(key, text);
    }
    const params: unknown[] = new Array(part.length * columns.length);
    let k = 0;
    for (const r of part) for (const c of columns) params[k++] = r[c] === undefined ? null : r[c];
    await ctx.db.executeQuery(CompiledQuery.raw(text, params));
  }
}
const compiledInserts = new Map<string, string>();

/** Links `personId|orgId` among the given people's (for an import's duplicate check and new links). */
export async function existingLinks(ctx: Ctx, personIds: string[]): Promise<Set<string>> {
  const links = new Set<string>();
  for (const part of chunks(personIds)) {
    const rows = await ctx.db.selectFrom('person_orgs').select(['person_id', 'org_id']).where('person_id', 'in', part).execute();
    for (const r of rows) links.add(`${r.person_id}|${r.org_id}`);
  }
  return links;
}

function newPersonRow(ctx: Ctx, r: BulkPersonRow, batchId: string | null, now: string, today: string): Insertable<PersonTable> {
  const info = checkIdNumber(r.idNumber, today);
  if (!info.ok) throw new Error(`unchecked ID number reached ensurePeople: ${info.message}`);
  const phoneCheck = r.phone ? checkPhone(r.phone) : null;
  const phone = phoneCheck ? (phoneCheck.ok ? phoneCheck.phone : (r.phone ?? null)) : null;
  return {
    id: newId(),
    name: r.name.trim(),
    id_index: ctx.crypto.blindIndex(r.idNumber),
    id_cipher: ctx.crypto.encrypt(r.idNumber),
    id_masked: maskIdNumber(r.idNumber),
    birth_date: info.info.birthDate,
    gender: info.info.gender,
    phone_cipher: phone ? ctx.crypto.encrypt(phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
    ethnicity: r.ethnicity ?? null,
    address_cipher: r.address ? ctx.crypto.encrypt(r.address) : null,
    note: r.note ?? null,
    org_id: r.orgId,
    created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    created_at: now,
    updated_at: now,
    batch_id: batchId,
  };
}

/**
 * Resolves every row's person by ID number (blind index, 500 a query, only ID numbers the cache
 * does not know yet) and refuses rows whose name differs from the one on record or from the first
 * row that named an unrecorded person. Reads only. Returns row index → message.
 */
export async function resolvePeople(ctx: Ctx, rows: readonly BulkPersonRow[], cache: PeopleCache): Promise<Map<number, string>> {
  const indexOf = new Map<string, string>();
  for (const r of rows) if (!cache.has(r.idNumber) && !indexOf.has(r.idNumber)) indexOf.set(r.idNumber, ctx.crypto.blindIndex(r.idNumber));
  if (indexOf.size) {
    const byIndex = new Map<string, { id: string; name: string }>();
    for (const part of chunks(Array.from(indexOf.values()))) {
      const found = await ctx.db.selectFrom('people').select(['id', 'name', 'id_index']).where('id_index', 'in', part).execute();
      for (const p of found) byIndex.set(p.id_index, { id: p.id, name: p.name });
    }
    for (const [idNumber, index] of indexOf) {
      const p = byIndex.get(index);
      if (p) cache.set(idNumber, p);
    }
  }
  const errors = new Map<number, string>();
  rows.forEach((r, i) => {
    const known = cache.get(r.idNumber);
    if (!known) cache.set(r.idNumber, { id: null, name: r.name });
    else if (nameKey(known.name) !== nameKey(r.name)) errors.set(i, nameMismatchMessage);
  });
  return errors;
}

/**
 * Registers the rows' people missing from the database (the first row of each ID number, stamped
 * with `batchId`), links each person to the row's unit and adds missing categories. The rows must
 * have passed `resolvePeople` with the same cache; afterwards every row's person has an id there.
 */
export async function registerPeople(ctx: Ctx, rows: readonly BulkPersonRow[], cache: PeopleCache, batchId: string | null): Promise<{ created: number }> {
  const now = nowIso(ctx);
  const today = shanghaiDate(ctx.now());
  const created: Insertable<PersonTable>[] = [];
  const createdIds = new Set<string>();
  const before = new Set<string>();
  for (const r of rows) {
    const p = cache.get(r.idNumber);
    if (!p) throw new Error('registerPeople: row not resolved');
    if (p.id === null) {
      const row = newPersonRow(ctx, r, batchId, now, today);
      p.id = row.id as string;
      createdIds.add(p.id);
      created.push(row);
    } else if (!createdIds.has(p.id)) before.add(p.id);
  }
  await bulkInsert(ctx, 'people', created);
  const links = await existingLinks(ctx, Array.from(before));
  const newLinks: PersonOrgTable[] = [];
  const wantedCategories = new Map<string, PersonCategoryTable>();
  for (const r of rows) {
    const personId = cache.get(r.idNumber)?.id as string;
    const link = `${personId}|${r.orgId}`;
    if (!links.has(link)) {
      links.add(link);
      newLinks.push({ person_id: personId, org_id: r.orgId, created_at: now });
    }
    for (const category of r.categories ?? []) {
      const key = `${personId}|${category}`;
      if (!wantedCategories.has(key)) wantedCategories.set(key, { person_id: personId, category, org_id: r.orgId, created_at: now });
    }
  }
  await bulkInsert(ctx, 'person_orgs', newLinks);
  await addMissingCategories(ctx, Array.from(wantedCategories.values()));
  return { created: created.length };
}

/**
 * Resolves and (unless `dryRun`) registers the rows' people in one go; rows whose name does not
 * match are refused and not registered.
 */
export async function ensurePeople(ctx: Ctx, rows: BulkPersonRow[], batchId: string | null, opts: { dryRun?: boolean } = {}): Promise<EnsurePeopleResult> {
  const cache: PeopleCache = new Map();
  const errors = await resolvePeople(ctx, rows, cache);
  const fresh = new Set<string>();
  for (const [idNumber, p] of cache) if (p.id === null) fresh.add(idNumber);
  const { created } = opts.dryRun ? { created: 0 } : await registerPeople(ctx, rows.filter((_, i) => !errors.has(i)), cache, batchId);
  const ids = new Map<string, string>();
  for (const [idNumber, p] of cache) if (p.id !== null) ids.set(idNumber, p.id);
  return { ids, errors, fresh, created };
}

async function addMissingCategories(ctx: Ctx, wanted: PersonCategoryTable[]): Promise<void> {
  if (wanted.length === 0) return;
  const have = new Set<string>();
  for (const part of chunks(Array.from(new Set(wanted.map((w) => w.person_id))))) {
    const rows = await ctx.db.selectFrom('person_categories').select(['person_id', 'category']).where('person_id', 'in', part).execute();
    for (const r of rows) have.add(`${r.person_id}|${r.category}`);
  }
  const missing = wanted.filter((w) => !have.has(`${w.person_id}|${w.category}`));
  await bulkInsert(ctx, 'person_categories', missing);
}

/** People a batch registered that nothing else refers to any more (for undoing a people import). */
export async function deleteUnreferencedBatchPeople(ctx: Ctx, batchId: string): Promise<number> {
  const created = (await ctx.db.selectFrom('people').select('id').where('batch_id', '=', batchId).execute()).map((r) => r.id);
  let deleted = 0;
  for (const part of chunks(created)) {
    const used = new Set<string>();
    for (const table of ['assistance', 'loans'] as const) {
      const rows = await ctx.db.selectFrom(table).select('person_id').where('person_id', 'in', part).execute();
      for (const r of rows) if (r.person_id) used.add(r.person_id);
    }
    const members = await ctx.db.selectFrom('household_members').select('person_id').where('person_id', 'in', part).execute();
    for (const r of members) used.add(r.person_id);
    // another unit linked the person since: keep them
    const linked = await ctx.db.selectFrom('person_orgs').select('person_id').where('person_id', 'in', part).groupBy('person_id').having((eb) => eb.fn.countAll(), '>', 1).execute();
    for (const r of linked) used.add(r.person_id);
    const households = await ctx.db.selectFrom('households').select('head_person_id').where('head_person_id', 'in', part).execute();
    for (const r of households) if (r.head_person_id) used.add(r.head_person_id);
    const free = part.filter((id) => !used.has(id));
    if (free.length === 0) continue;
    await ctx.db.deleteFrom('person_categories').where('person_id', 'in', free).execute();
    await ctx.db.deleteFrom('person_orgs').where('person_id', 'in', free).execute();
    await ctx.db.deleteFrom('people').where('id', 'in', free).execute();
    deleted += free.length;
  }
  return deleted;
}
