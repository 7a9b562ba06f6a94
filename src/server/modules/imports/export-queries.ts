import { type SqlBool, sql } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { checkIdNumber } from '../../../domain/id-number';
import type { Ctx } from '../../context';
import { orgInScope, type OrgScope } from '../../http/scope';
import type { ImportKind } from './kinds/types';

/**
 * The rows of an export, page by page (keyset on id), in the template's column order, as the list
 * on screen filters them: the unit's subtree inside the caller's scope, the ledger's date between
 * from and to, the list's own filters; deleted records left out.
 */
export interface ExportFilter {
  orgId?: string;
  from?: string;
  to?: string;
  type?: string;
  program?: string;
  form?: string;
  status?: string;
  category?: string;
  /** people: the list's search — a name fragment, or a full ID number (matched by its blind index) */
  q?: string;
}

export type Cell = string | number | null;
export interface ExportPage {
  rows: Cell[][];
  last: string | null;
}

/** idNumbers: ID numbers in full (含完整身份证号); contacts: phones and addresses in full (CLI only). */
export interface Reveal {
  idNumbers: boolean;
  contacts: boolean;
  decrypt: (cipher: string) => string;
}

const pageSize = 2000;
const fenToNumber = (fen: number, per: number) => Number(fen) / per;

function subtree(col: string, orgId: string | undefined) {
  if (!orgId) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
}
function between(col: string, f: ExportFilter) {
  const parts = [sql<SqlBool>`1 = 1`];
  if (f.from) parts.push(sql<SqlBool>`${sql.ref(col)} >= ${f.from}`);
  if (f.to) parts.push(sql<SqlBool>`${sql.ref(col)} <= ${f.to}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export async function exportPage(ctx: Ctx, kind: ImportKind, scope: OrgScope, f: ExportFilter, after: string | null, reveal: Reveal): Promise<ExportPage> {
  const id = (cipher: string, masked: string) => (reveal.idNumbers ? reveal.decrypt(cipher) : masked);
  const db = ctx.db;
  const cursor = after ?? '';
  switch (kind) {
    case 'assistance': {
      let q = db.selectFrom('assistance as a').innerJoin('org_units as u', 'u.id', 'a.org_id').leftJoin('people as p', 'p.id', 'a.person_id')
        .select(['a.id', 'p.name as person_name', 'p.id_cipher', 'p.id_masked', 'a.program', 'a.form', 'a.amount_fen', 'a.goods', 'a.given_on', 'a.funder', 'u.name as org_name', 'a.note'])
        .where('a.deleted_at', 'is', null).where(orgInScope(scope, 'a.org_id')).where(subtree('a.org_id', f.orgId)).where(between('a.given_on', f)).where('a.id', '>', cursor);
      if (f.program) q = q.where('a.program', '=', f.program);
      if (f.form) q = q.where('a.form', '=', f.form);
      const rows = await q.orderBy('a.id').limit(pageSize).execute();
      return page(rows, (r) => [r.person_name, r.id_cipher ? id(r.id_cipher, r.id_masked as string) : null, r.program, r.form, fenToNumber(r.amount_fen, 100), r.goods, r.given_on, r.funder, r.org_name, r.note]);
    }
    case 'loans': {
      let q = db.selectFrom('loans as l').innerJoin('org_units as u', 'u.id', 'l.org_id').innerJoin('people as p', 'p.id', 'l.person_id')
        .select(['l.id', 'p.name as person_name', 'p.id_cipher', 'p.id_masked', 'l.principal_fen', 'l.bank', 'l.disbursed_on', 'l.term_months', 'l.due_on', 'l.subsidy_fen', 'l.venture', 'l.status', 'u.name as org_name'])
        .where('l.deleted_at', 'is', null).where(orgInScope(scope, 'l.org_id')).where(subtree('l.org_id', f.orgId)).where('l.id', '>', cursor);
      // loans still 申请中 have no 放款日期: the period filters the disbursed ones only
      if (f.from || f.to) q = q.where((eb) => eb.or([eb('l.disbursed_on', 'is', null), between('l.disbursed_on', f)]));
      if (f.status) q = q.where('l.status', '=', f.status);
      const rows = await q.orderBy('l.id').limit(pageSize).execute();
      return page(rows, (r) => [r.person_name, id(r.id_cipher, r.id_masked), fenToNumber(r.principal_fen, 1_000_000), r.bank, r.disbursed_on, r.term_months, r.due_on, fenToNumber(r.subsidy_fen, 100), r.venture, r.status, r.org_name]);
    }
    case 'activities':
      return activitiesPage(ctx, scope, f, cursor);
    case 'contracts': {
      let q = db.selectFrom('contracts as c').innerJoin('org_units as u', 'u.id', 'c.org_id')
        .select(['c.id', 'c.enterprise', 'c.type', 'c.signed_on', 'c.expires_on', 'c.workers', 'u.name as org_name', 'c.note'])
        .where('c.deleted_at', 'is', null).where(orgInScope(scope, 'c.org_id')).where(subtree('c.org_id', f.orgId)).where(between('c.signed_on', f)).where('c.id', '>', cursor);
      if (f.type) q = q.where('c.type', '=', f.type);
      const rows = await q.orderBy('c.id').limit(pageSize).execute();
      return page(rows, (r) => [r.enterprise, r.type, r.signed_on, r.expires_on, r.workers, r.org_name, r.note]);
    }
    case 'people':
      return peoplePage(ctx, scope, f, cursor, reveal);
    case 'households': {
      const rows = await db.selectFrom('households as h').innerJoin('org_units as u', 'u.id', 'h.org_id').leftJoin('people as p', 'p.id', 'h.head_person_id')
        .select(['h.id', 'p.name as head_name', 'p.id_cipher', 'p.id_masked', 'h.name', 'h.address_cipher', 'h.categories', 'h.lifted_on', 'u.name as org_name'])
        .where(orgInScope(scope, 'h.org_id')).where(subtree('h.org_id', f.orgId)).where('h.id', '>', cursor).orderBy('h.id').limit(pageSize).execute();
      return page(rows, (r) => [r.head_name, r.id_cipher ? id(r.id_cipher, r.id_masked as string) : null, r.name, address(r.address_cipher, reveal), r.categories, r.lifted_on, r.org_name]);
    }
  }
}

function address(cipher: string | null, reveal: Reveal): string | null {
  if (!cipher) return null;
  const plain = reveal.decrypt(cipher);
  return reveal.contacts ? plain : `${Array.from(plain).slice(0, 6).join('')}******`;
}

function page<R extends { id: string }>(rows: R[], map: (r: R) => Cell[]): ExportPage {
  return { rows: rows.map(map), last: rows.length === pageSize ? rows[rows.length - 1].id : null };
}

async function activitiesPage(ctx: Ctx, scope: OrgScope, f: ExportFilter, cursor: string): Promise<ExportPage> {
  let q = ctx.db.selectFrom('activities as a').innerJoin('org_units as u', 'u.id', 'a.org_id')
    .select(['a.id', 'a.name', 'a.type', 'a.start_on', 'a.end_on', 'a.place', 'a.sessions', 'a.participants', 'a.target_groups', 'u.name as org_name', 'a.note'])
    .where('a.deleted_at', 'is', null).where(orgInScope(scope, 'a.org_id')).where(subtree('a.org_id', f.orgId)).where(between('a.start_on', f)).where('a.id', '>', cursor);
  if (f.type) q = q.where('a.type', '=', f.type);
  const rows = await q.orderBy('a.id').limit(pageSize).execute();
  const ids = rows.map((r) => r.id);
  const partners = new Map<string, string[]>();
  const outcomes = new Map<string, string[]>();
  if (ids.length) {
    for (const p of await ctx.db.selectFrom('activity_partners').select(['activity_id', 'name']).where('activity_id', 'in', ids).orderBy('activity_id').orderBy('position').execute()) {
      partners.set(p.activity_id, [...(partners.get(p.activity_id) ?? []), p.name]);
    }
    for (const o of await ctx.db.selectFrom('activity_outcomes').select(['activity_id', 'name', 'value', 'unit']).where('activity_id', 'in', ids).orderBy('activity_id').orderBy('name').execute()) {
      outcomes.set(o.activity_id, [...(outcomes.get(o.activity_id) ?? []), `${o.name}${o.value}${o.unit}`]);
    }
  }
  return page(rows, (r) => [r.name, r.type, r.start_on, r.end_on, r.place, r.sessions, r.participants, r.target_groups || null, r.org_name, (partners.get(r.id) ?? []).join('、') || null, (outcomes.get(r.id) ?? []).join('；') || null, r.note]);
}

async function peoplePage(ctx: Ctx, scope: OrgScope, f: ExportFilter, cursor: string, reveal: Reveal): Promise<ExportPage> {
  // one row per person: the registering unit when it is in the subtree, else the first unit of the subtree that knows them
  const known = ctx.db.selectFrom('person_orgs as po').select('po.person_id').where(orgInScope(scope, 'po.org_id')).where(subtree('po.org_id', f.orgId));
  let q = ctx.db.selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.id_cipher', 'p.id_masked', 'p.gender', 'p.birth_date', 'p.phone_cipher', 'p.phone_masked', 'p.ethnicity', 'p.address_cipher', 'p.org_id', 'p.note'])
    .where('p.id', 'in', known).where('p.id', '>', cursor);
  if (f.category) {
    const category = f.category;
    q = q.where('p.id', 'in', (eb) => eb.selectFrom('person_categories').select('person_id').where('category', '=', category));
  }
  // the people list's search box, as the list reads it (people.service listPeople)
  const search = f.q?.trim();
  if (search) {
    const asId = checkIdNumber(search, shanghaiDate(ctx.now()));
    if (asId.ok) q = q.where('p.id_index', '=', ctx.crypto.blindIndex(asId.info.idNumber));
    else q = q.where(sql<SqlBool>`p.name like ${`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  }
  const rows = await q.orderBy('p.id').limit(pageSize).execute();
  const ids = rows.map((r) => r.id);
  const cats = new Map<string, string[]>();
  const orgs = new Map<string, { id: string; name: string }[]>();
  if (ids.length) {
    for (const c of await ctx.db.selectFrom('person_categories').select(['person_id', 'category']).where('person_id', 'in', ids).orderBy('created_at').orderBy('category').execute()) {
      cats.set(c.person_id, [...(cats.get(c.person_id) ?? []), c.category]);
    }
    const links = await ctx.db.selectFrom('person_orgs as po').innerJoin('org_units as u', 'u.id', 'po.org_id').select(['po.person_id', 'u.id', 'u.name'])
      .where('po.person_id', 'in', ids).where(orgInScope(scope, 'po.org_id')).where(subtree('po.org_id', f.orgId)).orderBy('po.created_at').orderBy('u.id').execute();
    for (const l of links) orgs.set(l.person_id, [...(orgs.get(l.person_id) ?? []), { id: l.id, name: l.name }]);
  }
  return page(rows, (r) => {
    const units = orgs.get(r.id) ?? [];
    const home = units.find((u) => u.id === r.org_id) ?? units[0];
    const phone = r.phone_cipher ? (reveal.contacts ? reveal.decrypt(r.phone_cipher) : r.phone_masked) : null;
    return [r.name, reveal.idNumbers ? reveal.decrypt(r.id_cipher) : r.id_masked, r.gender, r.birth_date, phone, r.ethnicity, address(r.address_cipher, reveal), (cats.get(r.id) ?? []).join('、') || null, home?.name ?? null, r.note];
  });
}
