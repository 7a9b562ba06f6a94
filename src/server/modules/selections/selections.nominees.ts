import { maskName } from '../../../domain/mask';
import type { NomineeType } from '../../../domain/selections/kinds';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { orgInScope, orgScope, personInScope } from '../../http/scope';
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
}

const refField: Record<NomineeType, 'personId' | 'householdId' | 'unitId' | 'loanId'> = { person: 'personId', household: 'householdId', unit: 'unitId', loan: 'loanId' };
const typeLabel: Record<NomineeType, string> = { person: '人员', household: '家庭', unit: '组织', loan: '贷款项目' };

export async function resolveNominee(ctx: Ctx, type: NomineeType, b: NominateBody): Promise<NomineeRef> {
  const field = refField[type];
  const id = b[field];
  const missing = (message: string) => new AppError('NOT_FOUND', message, [{ path: field, message }]);
  if (!id) throw new AppError('VALIDATION', `本评选的候选对象为${typeLabel[type]}，请填写 ${field}`, [{ path: field, message: `请选择${typeLabel[type]}` }]);
  const scope = orgScope(ctx, 'ledger.write');
  const base = { type, personId: null, householdId: null, unitId: null, loanId: null };
  switch (type) {
    case 'person': {
      const p = await ctx.db.selectFrom('people').select(['id', 'name']).where('id', '=', id).where(personInScope(scope, 'people.id')).executeTakeFirst();
      if (!p) throw missing('人员不存在或不在您的管辖范围内');
      return { ...base, personId: p.id, fullName: p.name, publicName: maskName(p.name) };
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
  const out = new Map<string, string[]>(rows.map((r) => [r.id, []]));
  const add = (id: string, name: string | null | undefined) => name && out.get(id)?.push(name);
  const personIds = rows.map((r) => r.person_id).filter((v): v is string => Boolean(v));
  const householdIds = rows.map((r) => r.household_id).filter((v): v is string => Boolean(v));
  const loanIds = rows.map((r) => r.loan_id).filter((v): v is string => Boolean(v));
  const [people, households, members, loans] = await Promise.all([
    personIds.length ? ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', personIds).execute() : [],
    householdIds.length ? ctx.db.selectFrom('households').select(['id', 'name']).where('id', 'in', householdIds).execute() : [],
    householdIds.length
      ? ctx.db.selectFrom('household_members as m').innerJoin('people as p', 'p.id', 'm.person_id').select(['m.household_id', 'p.name']).where('m.household_id', 'in', householdIds).execute()
      : [],
    loanIds.length ? ctx.db.selectFrom('loans as l').innerJoin('people as p', 'p.id', 'l.person_id').select(['l.id', 'p.name']).where('l.id', 'in', loanIds).execute() : [],
  ]);
  for (const r of rows) {
    add(r.id, people.find((p) => p.id === r.person_id)?.name);
    add(r.id, households.find((h) => h.id === r.household_id)?.name);
    for (const m of members) if (m.household_id === r.household_id) add(r.id, m.name);
    add(r.id, loans.find((l) => l.id === r.loan_id)?.name);
  }
  return out;
}
