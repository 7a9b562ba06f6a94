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
 * createPerson), but 500 blind-index look-ups per query and 500 rows per insert instead of a
 * round trip per row. Names are compared as people.service compares them; a mismatch is a
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
  /** `personId|orgId` links that existed before */
  knownLinks: Set<string>;
  /** people on record before, by ID number (pass back as `prior` to skip the look-ups) */
  onRecord: Map<string, { id: string; name: string }>;
  created: number;
}

export const nameMismatchMessage = '姓名与身份证号不一致';
const chunk = 500;
// as people.service: no spaces, one middle dot, so "阿依古丽·买买提" from Excel matches the form's
const nameKey = (name: string) => name.replace(/\s+/g, '').replace(/[•.]/g, '·');

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}

/**
 * Inserts rows 500 at a time. Kysely compiles the statement once per shape (table, columns, chunk
 * size); later chunks reuse its SQL with new parameters, which saves most of the per-row cost of
 * compiling 500 × 17 value nodes for every chunk. The SQL is Kysely's, so it stays portable.
 */
export async function bulkInsert<T extends keyof DB & string>(ctx: Ctx, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk) as Record<string, unknown>[];
    const key = `${ctx.dialect}|${table}|${part.length}|${columns.join(',')}`;
    let text = compiledInserts.get(key);
    if (!text) {
      const compiled = ctx.db.insertInto(table).values(part as never).compile();
      if (compiled.parameters.length !== part.length * columns.length) {
        await ctx.db.executeQuery(compiled);
        continue;
      }
      text = compiled.sql;
      compiledInserts.set(key, text);
    }
    const params: unknown[] = [];
    for (const r of part) for (const c of columns) params.push(r[c] === undefined ? null : r[c]);
    await ctx.db.executeQuery(CompiledQuery.raw(text, params));
  }
}
const compiledInserts = new Map<string, string>();

async function lookup(ctx: Ctx, indexes: string[]): Promise<Map<string, { id: string; name: string }>> {
  const found = new Map<string, { id: string; name: string }>();
  for (const part of chunks(indexes)) {
    const rows = await ctx.db.selectFrom('people').select(['id', 'name', 'id_index']).where('id_index', 'in', part).execute();
    for (const r of rows) found.set(r.id_index, { id: r.id, name: r.name });
  }
  return found;
}

async function lookupByIdNumber(ctx: Ctx, indexOf: Map<string, string>): Promise<Map<string, { id: string; name: string }>> {
  const byIndex = await lookup(ctx, Array.from(indexOf.values()));
  const out = new Map<string, { id: string; name: string }>();
  for (const [idNumber, index] of indexOf) {
    const p = byIndex.get(index);
    if (p) out.set(idNumber, p);
  }
  return out;
}

async function existingLinks(ctx: Ctx, personIds: string[]): Promise<Set<string>> {
  const links = new Set<string>();
  for (const part of chunks(personIds)) {
    const rows = await ctx.db.selectFrom('person_orgs').select(['person_id', 'org_id']).where('person_id', 'in', part).execute();
    for (const r of rows) links.add(`${r.person_id}|${r.org_id}`);
  }
  return links;
}

function newPersonRow(ctx: Ctx, r: BulkPersonRow, index: string, batchId: string | null, now: string, today: string): Insertable<PersonTable> {
  const info = checkIdNumber(r.idNumber, today);
  if (!info.ok) throw new Error(`unchecked ID number reached ensurePeople: ${info.message}`);
  const phoneCheck = r.phone ? checkPhone(r.phone) : null;
  const phone = phoneCheck ? (phoneCheck.ok ? phoneCheck.phone : (r.phone ?? null)) : null;
  return {
    id: newId(),
    name: r.name.trim(),
    id_index: index,
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
 * Resolves every row's person by ID number, refusing rows whose name differs from the one on
 * record (or from an earlier row of the same file); unless `dryRun`, registers the missing people
 * (stamped with `batchId`), links each person to the row's unit and adds missing categories.
 */
export async function ensurePeople(
  ctx: Ctx,
  rows: BulkPersonRow[],
  batchId: string | null,
  opts: { dryRun?: boolean; prior?: Pick<EnsurePeopleResult, 'onRecord' | 'knownLinks'> } = {},
): Promise<EnsurePeopleResult> {
  const indexOf = new Map<string, string>();
  const unknown = opts.prior ? rows.filter((r) => !opts.prior?.onRecord.has(r.idNumber)) : rows;
  for (const r of unknown) if (!indexOf.has(r.idNumber)) indexOf.set(r.idNumber, ctx.crypto.blindIndex(r.idNumber));
  const onRecord = opts.prior ? opts.prior.onRecord : await lookupByIdNumber(ctx, indexOf);
  const ids = new Map<string, string>();
  const errors = new Map<number, string>();
  const fresh = new Set<string>();
  const firstName = new Map<string, string>();
  const toCreate: BulkPersonRow[] = [];
  rows.forEach((r, i) => {
    const known = onRecord.get(r.idNumber);
    const expected = known?.name ?? firstName.get(r.idNumber);
    if (expected !== undefined && nameKey(expected) !== nameKey(r.name)) {
      errors.set(i, nameMismatchMessage);
      return;
    }
    if (known) ids.set(r.idNumber, known.id);
    else if (!firstName.has(r.idNumber)) {
      firstName.set(r.idNumber, r.name);
      fresh.add(r.idNumber);
      toCreate.push(r);
    }
  });
  const knownLinks = opts.prior ? opts.prior.knownLinks : await existingLinks(ctx, Array.from(new Set(ids.values())));
  if (opts.dryRun) return { ids, errors, fresh, knownLinks, onRecord, created: 0 };

  const now = nowIso(ctx);
  const today = shanghaiDate(ctx.now());
  const created = toCreate.map((r) => newPersonRow(ctx, r, indexOf.get(r.idNumber) as string, batchId, now, today));
  created.forEach((v, k) => ids.set(toCreate[k].idNumber, v.id as string));
  await bulkInsert(ctx, 'people', created);
  const links = new Set(knownLinks);
  const newLinks: PersonOrgTable[] = [];
  const wantedCategories = new Map<string, PersonCategoryTable>();
  rows.forEach((r, i) => {
    const personId = ids.get(r.idNumber);
    if (errors.has(i) || !personId) return;
    const link = `${personId}|${r.orgId}`;
    if (!links.has(link)) {
      links.add(link);
      newLinks.push({ person_id: personId, org_id: r.orgId, created_at: now });
    }
    for (const category of r.categories ?? []) {
      const key = `${personId}|${category}`;
      if (!wantedCategories.has(key)) wantedCategories.set(key, { person_id: personId, category, org_id: r.orgId, created_at: now });
    }
  });
  await bulkInsert(ctx, 'person_orgs', newLinks);
  await addMissingCategories(ctx, Array.from(wantedCategories.values()));
  return { ids, errors, fresh, knownLinks, onRecord, created: toCreate.length };
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
