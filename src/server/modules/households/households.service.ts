import { type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import { splitCategories } from '../../../domain/categories';
import { newId } from '../../../domain/ids';
import { maskAddress } from '../../../domain/mask';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { HouseholdTable } from '../../db/types';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope, defaultOrgId, orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { assertPersonInScope, personSummaries } from '../people/people.service';
import type { CreateHouseholdInput, HouseholdMemberInput, ListHouseholdsQuery, UpdateHouseholdInput } from './households.schemas';

/** Households (家庭/户): a unit's record of a family, its head (户主) and members; the address is encrypted. */
const headRelation = '户主';
type HouseholdRow = Selectable<HouseholdTable>;

// stored as one text column, joined with 、 (the separator the importer and reports use)
const joinCategories = (names: string[] | undefined) => Array.from(new Set((names ?? []).flatMap((n) => splitCategories(n)))).join('、');
const splitStored = (s: string) => (s ? s.split('、') : []);

async function loadInScope(ctx: Ctx, id: string, permission: 'person.read' | 'person.write'): Promise<HouseholdRow> {
  const scope = orgScope(ctx, permission);
  const row = await ctx.db.selectFrom('households').selectAll().where('id', '=', id).where(orgInScope(scope, 'households.org_id')).executeTakeFirst();
  if (!row) throw notFound('家庭');
  return row;
}

async function toDetail(ctx: Ctx, row: HouseholdRow) {
  const org = await ctx.db.selectFrom('org_units').select('name').where('id', '=', row.org_id).executeTakeFirstOrThrow();
  const links = await ctx.db.selectFrom('household_members').select(['person_id', 'relation']).where('household_id', '=', row.id).execute();
  const people = await personSummaries(ctx, links.map((l) => l.person_id));
  const members = links
    .map((l) => ({ personId: l.person_id, relation: l.relation, ...people.get(l.person_id) }))
    .sort((a, b) => Number(b.personId === row.head_person_id) - Number(a.personId === row.head_person_id) || (a.name ?? '').localeCompare(b.name ?? '', 'zh'));
  const address = row.address_cipher ? maskAddress(ctx.crypto.decrypt(row.address_cipher)) : null;
  return {
    id: row.id,
    name: row.name,
    orgId: row.org_id,
    orgName: org.name,
    address,
    categories: splitStored(row.categories),
    headPersonId: row.head_person_id,
    headName: row.head_person_id ? (people.get(row.head_person_id)?.name ?? null) : null,
    members,
    memberCount: members.length,
    liftedOn: row.lifted_on ?? null, // 脱贫日期
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function reloadDetail(ctx: Ctx, id: string) {
  return toDetail(ctx, await ctx.db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** Members with the head first; refuses a person listed twice. */
function memberList(members: HouseholdMemberInput[], headPersonId: string | null | undefined): HouseholdMemberInput[] {
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.personId)) throw new AppError('VALIDATION', '同一人员不能重复列入本户', [{ path: `members.${i}.personId`, message: '同一人员不能重复列入本户' }]);
    seen.add(m.personId);
  });
  if (headPersonId && !seen.has(headPersonId)) return [{ personId: headPersonId, relation: headRelation }, ...members];
  return members;
}

export async function createHousehold(ctx: Ctx, input: CreateHouseholdInput) {
  orgScope(ctx, 'person.write');
  return inTransaction(ctx, async (tx) => {
    const ref = input.orgId ?? input.orgCode;
    const orgId = ref ? await resolveOrgInScope(tx, 'person.write', ref, input.orgId ? 'orgId' : 'orgCode') : defaultOrgId(tx, 'person.write');
    const headPersonId = input.headPersonId ?? input.members?.find((m) => m.relation === headRelation)?.personId ?? null;
    if (headPersonId) await assertPersonInScope(tx, 'person.write', headPersonId, 'headPersonId');
    const members = memberList(input.members ?? [], headPersonId);
    for (const [i, m] of (input.members ?? []).entries()) await assertPersonInScope(tx, 'person.write', m.personId, `members.${i}.personId`);
    const now = nowIso(tx);
    const row = {
      id: newId(),
      org_id: orgId,
      head_person_id: headPersonId,
      name: input.name,
      address_cipher: input.address ? tx.crypto.encrypt(input.address) : null,
      categories: joinCategories(input.categories),
      created_at: now,
      updated_at: now,
      lifted_on: null,
      batch_id: null,
    };
    await tx.db.insertInto('households').values(row).execute();
    if (members.length) {
      await tx.db
        .insertInto('household_members')
        .values(members.map((m) => ({ household_id: row.id, person_id: m.personId, relation: m.relation })))
        .execute();
    }
    await appendAudit(tx, { action: 'create', entity: 'household', entityId: row.id, orgId, detail: { name: row.name, members: members.length, categories: row.categories } });
    return toDetail(tx, row);
  });
}

export async function getHousehold(ctx: Ctx, id: string) {
  return toDetail(ctx, await loadInScope(ctx, id, 'person.read'));
}

export async function listHouseholds(ctx: Ctx, q: ListHouseholdsQuery) {
  const scope = orgScope(ctx, 'person.read');
  let qb = ctx.db.selectFrom('households as h').innerJoin('org_units as u', 'u.id', 'h.org_id').where(orgInScope(scope, 'h.org_id'));
  if (q.orgId) {
    await assertOrgInScope(ctx, 'person.read', q.orgId);
    const unit = q.orgId;
    qb = qb.where('h.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', unit));
  }
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where(sql<SqlBool>`h.name like ${pattern} escape '\\'`);
  }
  const rows = await qb
    .select(['h.id', 'h.name', 'h.org_id', 'u.name as org_name', 'h.head_person_id', 'h.categories', 'h.updated_at'])
    .select((eb) => eb.selectFrom('household_members as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.household_id', '=', 'h.id').as('member_count'))
    .orderBy('h.name')
    .orderBy('h.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = await qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const heads = await personSummaries(ctx, rows.flatMap((r) => (r.head_person_id ? [r.head_person_id] : [])));
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    headPersonId: r.head_person_id,
    headName: r.head_person_id ? (heads.get(r.head_person_id)?.name ?? null) : null,
    categories: splitStored(r.categories),
    memberCount: Number(r.member_count ?? 0),
    updatedAt: r.updated_at,
  }));
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

async function isMember(ctx: Ctx, householdId: string, personId: string): Promise<boolean> {
  const r = await ctx.db.selectFrom('household_members').select('person_id').where('household_id', '=', householdId).where('person_id', '=', personId).executeTakeFirst();
  return Boolean(r);
}

/** The new head's relation becomes 户主; the former head's 户主 becomes 其他 (GB/T 4761 家庭关系代码 99). */
async function setHead(tx: Ctx, id: string, personId: string, formerHead: string | null): Promise<void> {
  const members = tx.db.updateTable('household_members').where('household_id', '=', id);
  if (formerHead) await members.set({ relation: '其他' }).where('person_id', '=', formerHead).where('relation', '=', headRelation).execute();
  if (await isMember(tx, id, personId)) await members.set({ relation: headRelation }).where('person_id', '=', personId).execute();
  else await tx.db.insertInto('household_members').values({ household_id: id, person_id: personId, relation: headRelation }).execute();
}

export async function updateHousehold(ctx: Ctx, id: string, input: UpdateHouseholdInput) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadInScope(tx, id, 'person.write');
    const patch: Updateable<HouseholdTable> = { updated_at: nowIso(tx) };
    if (input.name !== undefined) patch.name = input.name;
    if (input.address !== undefined) patch.address_cipher = input.address ? tx.crypto.encrypt(input.address) : null;
    if (input.categories !== undefined) patch.categories = joinCategories(input.categories);
    if (input.orgId !== undefined) patch.org_id = await resolveOrgInScope(tx, 'person.write', input.orgId, 'orgId');
    if (input.headPersonId !== undefined) {
      patch.head_person_id = input.headPersonId;
      if (input.headPersonId && input.headPersonId !== row.head_person_id) {
        await assertPersonInScope(tx, 'person.write', input.headPersonId, 'headPersonId');
        await setHead(tx, id, input.headPersonId, row.head_person_id);
      }
    }
    await tx.db.updateTable('households').set(patch).where('id', '=', id).execute();
    const fields = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update', entity: 'household', entityId: id, orgId: patch.org_id ?? row.org_id, detail: { fields } });
    return reloadDetail(tx, id);
  });
}

export async function addHouseholdMember(ctx: Ctx, id: string, input: HouseholdMemberInput) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadInScope(tx, id, 'person.write');
    await assertPersonInScope(tx, 'person.write', input.personId);
    if (await isMember(tx, id, input.personId)) {
      throw new AppError('CONFLICT', '该人员已是本户成员', [{ path: 'personId', message: '该人员已是本户成员' }]);
    }
    const becomesHead = input.relation === headRelation;
    if (becomesHead && row.head_person_id) {
      throw new AppError('RULE_VIOLATED', '本户已有户主，请先修改户主', [{ path: 'relation', message: '本户已有户主' }]);
    }
    await tx.db.insertInto('household_members').values({ household_id: id, person_id: input.personId, relation: input.relation }).execute();
    await tx.db
      .updateTable('households')
      .set({ updated_at: nowIso(tx), ...(becomesHead ? { head_person_id: input.personId } : {}) })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, { action: 'add_member', entity: 'household', entityId: id, orgId: row.org_id, detail: { personId: input.personId, relation: input.relation } });
    return reloadDetail(tx, id);
  });
}

export async function removeHouseholdMember(ctx: Ctx, id: string, personId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadInScope(tx, id, 'person.write');
    if (!(await isMember(tx, id, personId))) throw notFound('本户成员');
    await tx.db.deleteFrom('household_members').where('household_id', '=', id).where('person_id', '=', personId).execute();
    await tx.db
      .updateTable('households')
      .set({ updated_at: nowIso(tx), ...(row.head_person_id === personId ? { head_person_id: null } : {}) })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, { action: 'remove_member', entity: 'household', entityId: id, orgId: row.org_id, detail: { personId } });
  });
}
