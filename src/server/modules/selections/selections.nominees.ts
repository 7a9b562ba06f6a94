import { shanghaiDate } from '../../../domain/dates';
import { maskName } from '../../../domain/mask';
import type { NomineeType } from '../../../domain/selections/kinds';
import { isChild } from '../../../domain/selections/publication';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { orgInScope, orgScope, type OrgScope, personInScope } from '../../http/scope';
import type { NominateBody } from './selections.schemas';

/**
 * Who is nominated: a person, a household, a unit or a loan from the registry, found inside the
 * nominator's scope (404 otherwise). `publicName` is what the phone pages show: a masked name
 * (王**, 王**家庭, 王**（养殖项目）) — a unit's name is public as it is.
 */
export interface NomineeRef {
  type: NomineeType;
  personId: string | null;
  householdId: string | null;
  unitId: string | null;
  loanId: string | null;
  fullName: string;
  publicName: string;
  /** a person nominee under 18 (never shown by name) */
  child: boolean;
}

const refField: Record<NomineeType, 'personId' | 'householdId' | 'unitId' | 'loanId'> = { person: 'personId', household: 'householdId', unit: 'unitId', loan: 'loanId' };
const typeLabel: Record<NomineeType, string> = { person: '人员', household: '家庭', unit: '组织', loan: '贷款项目' };

/**
 * The nominee as the nominator may name it: inside the caller's scope (404 otherwise) and inside the
 * nominating unit's own subtree (层层推荐: a township 妇联 recommends its own households, not another
 * township's) — outside it the answer is a 400 naming the nominee, where it belongs and the unit.
 */
export async function resolveNominee(ctx: Ctx, type: NomineeType, b: NominateBody, nominatingOrgId: string): Promise<NomineeRef> {
  const ref = await findNominee(ctx, type, b, orgScope(ctx, 'ledger.write'));
  const inside = await findNominee(ctx, type, b, { all: false, roots: [nominatingOrgId] }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!inside) {
    const [unit, home] = await Promise.all([
      ctx.db.selectFrom('org_units').select('name').where('id', '=', nominatingOrgId).executeTakeFirst(),
      homeUnitName(ctx, ref),
    ]);
    const field = refField[type];
    const message = `“${ref.fullName}”${home ? `属于${home}，` : ''}不在推荐单位“${unit?.name ?? ''}”及其下级范围内：只能推荐本单位管辖范围内的${typeLabel[type]}`;
    throw new AppError('VALIDATION', message, [{ path: field, message }]);
  }
  return ref;
}

/** The unit a nominee belongs to, for the message above. */
async function homeUnitName(ctx: Ctx, ref: NomineeRef): Promise<string | null> {
  const q = ctx.db.selectFrom('org_units as o').select('o.name');
  const row = ref.householdId
    ? await q.innerJoin('households as h', 'h.org_id', 'o.id').where('h.id', '=', ref.householdId).executeTakeFirst()
    : ref.loanId
      ? await q.innerJoin('loans as l', 'l.org_id', 'o.id').where('l.id', '=', ref.loanId).executeTakeFirst()
      : ref.personId
        ? await q.innerJoin('person_orgs as po', 'po.org_id', 'o.id').where('po.person_id', '=', ref.personId).orderBy('o.code').executeTakeFirst()
        : await q.innerJoin('org_units as u', 'u.parent_id', 'o.id').where('u.id', '=', ref.unitId ?? '').executeTakeFirst();
  return row?.name ?? null;
}

async function findNominee(ctx: Ctx, type: NomineeType, b: NominateBody, scope: OrgScope): Promise<NomineeRef> {
  const field = refField[type];
  const id = b[field];
  const missing = (message: string) => new AppError('NOT_FOUND', message, [{ path: field, message }]);
  if (!id) throw new AppError('VALIDATION', `本评选的候选对象为${typeLabel[type]}，请选择候选${typeLabel[type]}`, [{ path: field, message: `请选择${typeLabel[type]}` }]);
  const base = { type, personId: null, householdId: null, unitId: null, loanId: null, child: false };
  switch (type) {
    case 'person': {
      const p = await ctx.db.selectFrom('people').select(['id', 'name', 'birth_date']).where('id', '=', id).where(personInScope(scope, 'people.id')).executeTakeFirst();
      if (!p) throw missing('人员不存在或不在您的管辖范围内');
      return { ...base, personId: p.id, fullName: p.name, publicName: maskName(p.name), child: isChild(p.birth_date, shanghaiDate(ctx.now())) };
    }
    case 'household': {
      const h = await ctx.db
        .selectFrom('households as h')
        .leftJoin('people as p', 'p.id', 'h.head_person_id')
        .select(['h.id', 'h.name', 'p.name as head'])
        .where('h.id', '=', id)
        .where(orgInScope(scope, 'h.org_id'))
        .executeTakeFirst();
      if (!h) throw missing('家庭不存在或不在您的管辖范围内');
      return { ...base, householdId: h.id, fullName: h.name, publicName: `${maskName(h.head ?? h.name)}家庭` };
    }
    case 'unit': {
      const u = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('id', '=', id).where(orgInScope(scope, 'org_units.id')).executeTakeFirst();
      if (!u) throw missing('组织不存在或不在您的管辖范围内');
      return { ...base, unitId: u.id, fullName: u.name, publicName: u.name };
    }
    case 'loan': {
      const l = await ctx.db
        .selectFrom('loans as l')
        .innerJoin('people as p', 'p.id', 'l.person_id')
        .select(['l.id', 'l.venture', 'p.name'])
        .where('l.id', '=', id)
        .where('l.deleted_at', 'is', null)
        .where(orgInScope(scope, 'l.org_id'))
        .executeTakeFirst();
      if (!l) throw missing('贷款记录不存在或不在您的管辖范围内');
      const venture = l.venture ? `（${l.venture}）` : '';
      return { ...base, loanId: l.id, fullName: `${l.name}${venture}`, publicName: `${maskName(l.name)}${venture}` };
    }
  }
}

/** Full names for the organizer's lists (staff see names; the public never does). */
export async function nomineeFullNames(ctx: Ctx, rows: { id: string; person_id: string | null; household_id: string | null; unit_id: string | null; loan_id: string | null }[]) {
  const ids = (k: 'person_id' | 'household_id' | 'unit_id' | 'loan_id') => rows.map((r) => r[k]).filter((v): v is string => Boolean(v));
  const [people, households, units, loans] = await Promise.all([
    ids('person_id').length ? ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids('person_id')).execute() : [],
    ids('household_id').length ? ctx.db.selectFrom('households').select(['id', 'name']).where('id', 'in', ids('household_id')).execute() : [],
    ids('unit_id').length ? ctx.db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', ids('unit_id')).execute() : [],
    ids('loan_id').length
      ? ctx.db.selectFrom('loans as l').innerJoin('people as p', 'p.id', 'l.person_id').select(['l.id', 'p.name', 'l.venture']).where('l.id', 'in', ids('loan_id')).execute()
      : [],
  ]);
  const names = new Map<string, string>();
  for (const x of [...people, ...households, ...units]) names.set(x.id, x.name);
  for (const l of loans) names.set(l.id, `${l.name}${l.venture ? `（${l.venture}）` : ''}`);
  return new Map(rows.map((r) => [r.id, names.get(r.person_id ?? r.household_id ?? r.unit_id ?? r.loan_id ?? '') ?? '']));
}

/** Every personal name behind each nomination (the person, a household's name and members, a borrower): masked in public text. */
export async function personalNames(ctx: Ctx, rows: { id: string; person_id: string | null; household_id: string | null; loan_id: string | null }[]): Promise<Map<string, string[]>> {
  const named = await namesBehind(ctx, rows);
  return new Map([...named].map(([id, n]) => [id, n.all]));
}

/** The names behind each nomination and which of them are children's (under 18 on the server's today). */
export async function namesBehind(ctx: Ctx, rows: { id: string; person_id: string | null; household_id: string | null; loan_id: string | null }[]): Promise<Map<string, { all: string[]; children: Set<string> }>> {
  const out = new Map<string, string[]>(rows.map((r) => [r.id, []]));
  const kids = new Map<string, Set<string>>(rows.map((r) => [r.id, new Set<string>()]));
  const today = shanghaiDate(ctx.now());
  const add = (id: string, name: string | null | undefined, birthDate?: string | null) => {
    if (!name) return;
    out.get(id)?.push(name);
    if (isChild(birthDate, today)) kids.get(id)?.add(name);
  };
  const personIds = rows.map((r) => r.person_id).filter((v): v is string => Boolean(v));
  const householdIds = rows.map((r) => r.household_id).filter((v): v is string => Boolean(v));
  const loanIds = rows.map((r) => r.loan_id).filter((v): v is string => Boolean(v));
  const [people, households, members, loans] = await Promise.all([
    personIds.length ? ctx.db.selectFrom('people').select(['id', 'name', 'birth_date']).where('id', 'in', personIds).execute() : [],
    householdIds.length ? ctx.db.selectFrom('households').select(['id', 'name']).where('id', 'in', householdIds).execute() : [],
    householdIds.length
      ? ctx.db.selectFrom('household_members as m').innerJoin('people as p', 'p.id', 'm.person_id').select(['m.household_id', 'p.name', 'p.birth_date']).where('m.household_id', 'in', householdIds).execute()
      : [],
    loanIds.length ? ctx.db.selectFrom('loans as l').innerJoin('people as p', 'p.id', 'l.person_id').select(['l.id', 'p.name']).where('l.id', 'in', loanIds).execute() : [],
  ]);
  for (const r of rows) {
    const p = people.find((x) => x.id === r.person_id);
    add(r.id, p?.name, p?.birth_date);
    add(r.id, households.find((h) => h.id === r.household_id)?.name);
    for (const m of members) if (m.household_id === r.household_id) add(r.id, m.name, m.birth_date);
    add(r.id, loans.find((l) => l.id === r.loan_id)?.name);
  }
  return new Map(rows.map((r) => [r.id, { all: out.get(r.id) ?? [], children: kids.get(r.id) ?? new Set<string>() }]));
}
