import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/dates';
import { checkIdNumber, normalizeIdNumber } from '../../../domain/id-number';
import { newId } from '../../../domain/ids';
import { maskAddress, maskIdNumber, maskPhone } from '../../../domain/mask';
import { personInput, type PersonInput } from '../../../domain/person';
import { checkPhone } from '../../../domain/phone';
import type { Permission } from '../../../domain/roles';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { Person, PersonTable } from '../../db/types';
import { AppError, type ErrorDetail, notFound } from '../../http/errors';
import { assertOrgInScope, defaultOrgId, hasPermission, orgScope, type OrgScope, resolveOrgInScope, scopeKey } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { checkCategories } from './categories.service';
import * as repo from './people.repo';
import type { ListPeopleQuery, UpdatePersonBody } from './people.schemas';
import { cachedCount } from '../../db/count-cache';

/** What lists show: always masked. */
export interface PersonListItem {
  id: string;
  name: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  phone: string | null;
  categories: string[];
  orgId: string | null;
  orgName: string | null;
}
export interface PersonView extends PersonListItem {
  masked: boolean;
  address: string | null;
  ethnicity: string | null;
  note: string | null;
  orgs: repo.OrgRef[];
  createdAt: string;
  updatedAt: string;
}
export type CreatePersonInput = PersonInput & { orgId?: string; orgCode?: string };
/** created: new record; linked: the ID was on record under the same name and this unit is now linked; unchanged: nothing to write. */
export type CreatePersonResult = PersonView & { linked: boolean; outcome: 'created' | 'linked' | 'unchanged' };

const nameMismatch = '姓名与身份证号不一致';
const idLocked = '身份证号不可修改，如有错误请联系管理员';

function invalid(error: z.ZodError): AppError {
  const details: ErrorDetail[] = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return new AppError('VALIDATION', details[0]?.message ?? '请求数据有误', details);
}

const blank = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
const cleanPhone = (v: string | null | undefined): string | null => {
  const p = blank(v);
  if (p === null) return null;
  const r = checkPhone(p);
  return r.ok ? r.phone : p;
};
// 姓名 compared without spaces and with one middle dot, so "阿依古丽·买买提" from Excel matches the form's
const nameKey = (name: string) => name.replace(/\s+/g, '').replace(/[•.]/g, '·');

/** Where a person appears for this caller: the registering unit if in scope, else the first unit in scope that knows them. */
function homeOrg(primaryId: string, orgs: repo.OrgRef[]): repo.OrgRef | null {
  return orgs.find((o) => o.id === primaryId) ?? orgs[0] ?? null;
}

async function toView(ctx: Ctx, row: Person, scope: OrgScope, reveal: boolean): Promise<PersonView> {
  const categories = (await repo.categoriesOf(ctx.db, [row.id])).get(row.id) ?? [];
  const orgs = (await repo.orgsInScope(ctx.db, scope, [row.id])).get(row.id) ?? [];
  const home = homeOrg(row.org_id, orgs);
  const address = row.address_cipher ? ctx.crypto.decrypt(row.address_cipher) : null;
  return {
    id: row.id,
    name: row.name,
    idNumber: reveal ? ctx.crypto.decrypt(row.id_cipher) : row.id_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    phone: reveal ? (row.phone_cipher ? ctx.crypto.decrypt(row.phone_cipher) : null) : row.phone_masked,
    categories,
    orgId: home?.id ?? null,
    orgName: home?.name ?? null,
    masked: !reveal,
    address: address === null ? null : reveal ? address : maskAddress(address),
    ethnicity: row.ethnicity,
    note: row.note,
    orgs,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Registers a person, or links the caller's unit to the one already on record with that ID number
 * (one person per ID across all units). Birth date and gender come from the ID (GB 11643); the ID,
 * phone and address are stored encrypted, the ID also as a keyed blind index for look-up.
 */
export async function createPerson(ctx: Ctx, input: CreatePersonInput): Promise<CreatePersonResult> {
  orgScope(ctx, 'person.write');
  const parsed = personInput(shanghaiDate(ctx.now())).safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const p = parsed.data;
  const write = () =>
    inTransaction(ctx, async (tx) => {
      const orgRef = p.orgId || p.orgCode;
      const orgId = orgRef ? await resolveOrgInScope(tx, 'person.write', orgRef, p.orgId ? 'orgId' : 'orgCode') : defaultOrgId(tx, 'person.write');
      const categories = await checkCategories(tx, p.categories);
      const id = normalizeIdNumber(p.idNumber);
      const existing = await repo.findPersonByIndex(tx.db, tx.crypto.blindIndex(id));
      if (existing) return linkExisting(tx, existing, p, categories, orgId);
      const info = checkIdNumber(id, shanghaiDate(tx.now())); // for birth date and gender (GB 11643); personInput checked it
      if (!info.ok) throw new AppError('VALIDATION', info.message, [{ path: 'idNumber', message: info.message }]);
      const now = nowIso(tx);
      const phone = cleanPhone(p.phone);
      const address = blank(p.address);
      const row: PersonTable = {
        id: newId(),
        name: p.name,
        id_index: tx.crypto.blindIndex(id),
        id_cipher: tx.crypto.encrypt(id),
        id_masked: maskIdNumber(id),
        birth_date: info.info.birthDate,
        gender: info.info.gender,
        phone_cipher: phone ? tx.crypto.encrypt(phone) : null,
        phone_masked: phone ? maskPhone(phone) : null,
        ethnicity: blank(p.ethnicity),
        address_cipher: address ? tx.crypto.encrypt(address) : null,
        note: blank(p.note),
        org_id: orgId,
        created_by: tx.actor.kind === 'user' ? tx.actor.id : null,
        created_at: now,
        updated_at: now,
        batch_id: null,
      };
      await repo.insertPerson(tx.db, row);
      await repo.linkPersonOrg(tx.db, row.id, orgId, now);
      await repo.addCategories(tx.db, row.id, categories, orgId, now);
      await appendAudit(tx, { action: 'create', entity: 'person', entityId: row.id, orgId, detail: { idNumber: row.id_masked, categories } });
      return { ...(await toView(tx, row, orgScope(tx, 'person.write'), false)), linked: false, outcome: 'created' as const };
    });
  try {
    return await write();
  } catch (e) {
    // two clerks registering the same ID at once: the loser's insert hits the unique index; retry links instead
    if (!ctx.db.isTransaction && repo.isUniqueViolation(e)) return write();
    throw e;
  }
}

async function linkExisting(tx: Ctx, existing: Person, p: PersonInput, categories: string[], orgId: string): Promise<CreatePersonResult> {
  if (nameKey(existing.name) !== nameKey(p.name)) {
    throw new AppError('CONFLICT', nameMismatch, [{ path: 'name', message: nameMismatch }]);
  }
  const now = nowIso(tx);
  const newLink = await repo.linkPersonOrg(tx.db, existing.id, orgId, now);
  const added = await repo.addCategories(tx.db, existing.id, categories, orgId, now);
  // fill what the record lacks; never overwrite what another unit entered
  const phone = cleanPhone(p.phone);
  const address = blank(p.address);
  const fill: Partial<PersonTable> = {};
  if (!existing.phone_cipher && phone) Object.assign(fill, { phone_cipher: tx.crypto.encrypt(phone), phone_masked: maskPhone(phone) });
  if (!existing.address_cipher && address) fill.address_cipher = tx.crypto.encrypt(address);
  if (!existing.ethnicity && blank(p.ethnicity)) fill.ethnicity = blank(p.ethnicity);
  const filled = Object.keys(fill).filter((k) => k !== 'phone_masked');
  const changed = newLink || added.length > 0 || filled.length > 0;
  if (changed) {
    await tx.db.updateTable('people').set({ ...fill, updated_at: now }).where('id', '=', existing.id).execute();
    await appendAudit(tx, {
      action: 'link',
      entity: 'person',
      entityId: existing.id,
      orgId,
      detail: { idNumber: existing.id_masked, newLink, addedCategories: added, filled },
    });
  }
  const row = changed ? await repo.getPersonRow(tx.db, existing.id) : existing;
  return { ...(await toView(tx, row, orgScope(tx, 'person.write'), false)), linked: true, outcome: changed ? 'linked' : 'unchanged' };
}

/** Detail, masked; `reveal` needs pii.read over the person and is audited (every unmasked view is). */
export async function getPerson(ctx: Ctx, id: string, opts: { reveal?: boolean } = {}): Promise<PersonView> {
  const scope = orgScope(ctx, 'person.read');
  const row = await repo.findPersonInScope(ctx.db, scope, id);
  if (!row) throw notFound('人员');
  if (!opts.reveal) return toView(ctx, row, scope, false);
  const forbidden = new AppError('FORBIDDEN', '当前角色无权查看完整个人信息');
  if (!hasPermission(ctx, 'pii.read')) throw forbidden;
  const piiScope = orgScope(ctx, 'pii.read');
  const piiOrgs = (await repo.orgsInScope(ctx.db, piiScope, [id])).get(id) ?? [];
  if (piiOrgs.length === 0) throw forbidden;
  return inTransaction(ctx, async (tx) => {
    const view = await toView(tx, row, scope, true);
    await appendAudit(tx, { action: 'read_pii', entity: 'person', entityId: id, orgId: homeOrg(row.org_id, piiOrgs)?.id ?? null, detail: { fields: ['idNumber', 'phone', 'address'] } });
    return view;
  });
}

/** The tables a people total depends on (a move of a unit changes who is in a subtree). */
const peopleCountTables = ['people', 'person_orgs', 'person_categories', 'org_closure'] as const;

export async function listPeople(ctx: Ctx, q: ListPeopleQuery) {
  const scope = orgScope(ctx, 'person.read');
  const filter: repo.PeopleFilter = { scope };
  if (q.orgId) {
    await assertOrgInScope(ctx, 'person.read', q.orgId);
    filter.subtreeOf = q.orgId;
  }
  if (q.category) filter.category = q.category;
  if (q.q) {
    const asId = checkIdNumber(q.q, shanghaiDate(ctx.now()));
    if (asId.ok) filter.idIndex = ctx.crypto.blindIndex(asId.info.idNumber);
    else filter.nameLike = repo.likeContains(q.q);
  }
  const rows = await repo.listPeoplePage(ctx.db, filter, q.page, q.pageSize);
  // the exact total, counted again only after a write to the tables it depends on
  const key = JSON.stringify(['people', scopeKey(filter.scope), filter.subtreeOf ?? null, filter.category ?? null, filter.idIndex ?? null, filter.nameLike ?? null]);
  const total = await cachedCount(ctx.db, peopleCountTables, key, () => repo.countPeople(ctx.db, filter));
  const ids = rows.map((r) => r.id);
  const categories = await repo.categoriesOf(ctx.db, ids);
  const orgs = await repo.orgsInScope(ctx.db, scope, ids);
  const items: PersonListItem[] = rows.map((r) => {
    const home = homeOrg(r.org_id, orgs.get(r.id) ?? []);
    return {
      id: r.id,
      name: r.name,
      idNumber: r.id_masked,
      gender: r.gender,
      birthDate: r.birth_date,
      phone: r.phone_masked,
      categories: categories.get(r.id) ?? [],
      orgId: home?.id ?? null,
      orgName: home?.name ?? null,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonBody): Promise<PersonView> {
  orgScope(ctx, 'person.write');
  if (input.idNumber !== undefined) throw new AppError('VALIDATION', idLocked, [{ path: 'idNumber', message: idLocked }]);
  const rules = personInput(shanghaiDate(ctx.now())).pick({ name: true, phone: true, ethnicity: true, address: true, categories: true, note: true, orgId: true }).partial();
  const parsed = rules.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const v = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const scope = orgScope(tx, 'person.write');
    const row = await repo.findPersonInScope(tx.db, scope, id);
    if (!row) throw notFound('人员');
    const now = nowIso(tx);
    const patch: Partial<PersonTable> = { updated_at: now };
    if (v.name !== undefined) patch.name = v.name;
    if (v.phone !== undefined) {
      const phone = cleanPhone(v.phone);
      Object.assign(patch, { phone_cipher: phone ? tx.crypto.encrypt(phone) : null, phone_masked: phone ? maskPhone(phone) : null });
    }
    if (v.address !== undefined) {
      const address = blank(v.address);
      patch.address_cipher = address ? tx.crypto.encrypt(address) : null;
    }
    if (v.ethnicity !== undefined) patch.ethnicity = blank(v.ethnicity);
    if (v.note !== undefined) patch.note = blank(v.note);
    if (v.orgId) {
      patch.org_id = await resolveOrgInScope(tx, 'person.write', v.orgId, 'orgId');
      await repo.linkPersonOrg(tx.db, id, patch.org_id, now);
    }
    const home = patch.org_id ?? homeOrg(row.org_id, (await repo.orgsInScope(tx.db, scope, [id])).get(id) ?? [])?.id ?? row.org_id;
    let categories: string[] | undefined;
    if (v.categories !== undefined) {
      categories = await checkCategories(tx, v.categories);
      await repo.replaceCategories(tx.db, id, categories, home, now);
    }
    await tx.db.updateTable('people').set(patch).where('id', '=', id).execute();
    const fields = Object.entries(v).filter(([, value]) => value !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update', entity: 'person', entityId: id, orgId: home, detail: { fields, ...(categories ? { categories } : {}) } });
    return toView(tx, await repo.getPersonRow(tx.db, id), scope, false);
  });
}

/** The person on record with this ID number (any unit; for importers and ledgers matching rows), or null. */
export async function findPersonByIdNumber(ctx: Ctx, idNumber: string): Promise<{ id: string; name: string } | null> {
  const row = await repo.findPersonByIndex(ctx.db, ctx.crypto.blindIndex(normalizeIdNumber(idNumber)));
  return row ? { id: row.id, name: row.name } : null;
}

export async function findPersonIdByIdNumber(ctx: Ctx, idNumber: string): Promise<string | null> {
  return (await findPersonByIdNumber(ctx, idNumber))?.id ?? null;
}

/** 404 unless the person is known to a unit in the caller's scope for `permission`. */
export async function assertPersonInScope(ctx: Ctx, permission: Permission, personId: string, path = 'personId'): Promise<void> {
  const row = await repo.findPersonInScope(ctx.db, orgScope(ctx, permission), personId);
  if (!row) throw new AppError('NOT_FOUND', '人员不存在或不在您的管辖范围内', [{ path, message: '人员不存在或不在您的管辖范围内' }]);
}

/** Records that a unit knows a person (it registered them or named them in a record); true when new. */
export async function linkPersonToOrg(ctx: Ctx, personId: string, orgId: string): Promise<boolean> {
  return repo.linkPersonOrg(ctx.db, personId, orgId, nowIso(ctx));
}

/** Masked summaries (id, name, idNumber, gender, birthDate, phone) of people another module already scoped (household members, ledger rows). */
export async function personSummaries(ctx: Ctx, ids: string[]): Promise<Map<string, repo.PersonSummary>> {
  return repo.personSummaries(ctx.db, ids);
}

/**
 * ID numbers in full for an export that asked for 含完整身份证号. The caller has already checked
 * pii.read and written the read_pii audit entry (imports/export.ts allowFullIdNumbers).
 */
export async function idNumbersInFull(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const unique = Array.from(new Set(ids));
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('people').select(['id', 'id_cipher']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, ctx.crypto.decrypt(r.id_cipher)]));
}
