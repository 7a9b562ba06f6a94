import { type Expression, type SqlBool, sql } from 'kysely';
import { shanghaiDate, yearBounds } from '../../../domain/dates';
import type { Ctx } from '../../context';
import { assertOrgInScope, orgInScope, orgScope, personInScope } from '../../http/scope';
import { inSubtree } from '../catalogs/ledger-kit';
import { personSummaries } from '../people/people.service';
import type { DuplicateAssistanceQuery, UnassistedQuery } from './checks.schemas';

/**
 * Cross-organization checks over the assistance ledger: 重复帮扶预警 (the same person helped under
 * the same program in the same period by two or more units) and 未帮扶 (people of a category with
 * no assistance in a year). Portable SQL: GROUP BY / HAVING and NOT EXISTS only.
 */
const thisYear = (ctx: Ctx) => Number(shanghaiDate(ctx.now()).slice(0, 4));

/** Records of the caller's units (the orgId subtree when given), as a SQL condition on `column`. */
async function ownUnits(ctx: Ctx, column: string, orgId: string | undefined): Promise<Expression<SqlBool>> {
  const scope = orgScope(ctx, 'ledger.read');
  if (!orgId) return orgInScope(scope, column);
  await assertOrgInScope(ctx, 'ledger.read', orgId);
  return inSubtree(column, orgId);
}

/**
 * Groups (person, program) helped by at least two units in the period, at least one of them the
 * caller's; each group lists every unit's records, since the warning is about the other units.
 */
export async function findAssistanceDuplicates(ctx: Ctx, q: DuplicateAssistanceQuery) {
  const year = yearBounds(thisYear(ctx));
  const from = q.from ?? year.from;
  const to = q.to ?? year.to;
  const mine = await ownUnits(ctx, 'a.org_id', q.orgId);
  let groups = ctx.db
    .selectFrom('assistance as a')
    .select(['a.person_id', 'a.program'])
    .where('a.deleted_at', 'is', null)
    .where('a.person_id', 'is not', null)
    .where('a.given_on', '>=', from)
    .where('a.given_on', '<=', to)
    .groupBy(['a.person_id', 'a.program'])
    .having((eb) => eb.fn.count('a.org_id').distinct(), '>=', 2)
    .having(sql<number>`sum(case when ${mine} then 1 else 0 end)`, '>', 0);
  if (q.program) groups = groups.where('a.program', '=', q.program);
  const total = Number((await ctx.db.selectFrom(groups.as('g')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const page = await groups.orderBy('a.person_id').orderBy('a.program').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const people = Array.from(new Set(page.map((g) => g.person_id as string)));
  const programs = Array.from(new Set(page.map((g) => g.program)));
  const records = people.length
    ? await ctx.db
        .selectFrom('assistance as a')
        .innerJoin('org_units as u', 'u.id', 'a.org_id')
        .select(['a.id', 'a.person_id', 'a.program', 'a.org_id', 'u.name as org_name', 'a.given_on', 'a.amount_fen'])
        .where('a.deleted_at', 'is', null)
        .where('a.person_id', 'in', people)
        .where('a.program', 'in', programs)
        .where('a.given_on', '>=', from)
        .where('a.given_on', '<=', to)
        .orderBy('a.given_on')
        .orderBy('a.id')
        .execute()
    : [];
  const summaries = await personSummaries(ctx, people);
  const items = page.map((g) => {
    const p = summaries.get(g.person_id as string);
    return {
      personId: g.person_id as string,
      personName: p?.name ?? '',
      personIdNumber: p?.idNumber ?? '',
      program: g.program,
      records: records
        .filter((r) => r.person_id === g.person_id && r.program === g.program)
        .map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, givenOn: r.given_on, amountFen: Number(r.amount_fen) })),
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize, from, to };
}

/** People of the category known to the caller's units (the orgId subtree) with no live assistance dated in the year, by any unit. */
export async function findUnassisted(ctx: Ctx, q: UnassistedQuery) {
  const scope = orgScope(ctx, 'ledger.read');
  const year = q.year ?? thisYear(ctx);
  const { from, to } = yearBounds(year);
  if (q.orgId) await assertOrgInScope(ctx, 'ledger.read', q.orgId);
  const unit = q.orgId;
  let qb = ctx.db
    .selectFrom('people as p')
    .where(personInScope(scope, 'p.id'))
    .where('p.id', 'in', (eb) => eb.selectFrom('person_categories as pc').select('pc.person_id').where('pc.category', '=', q.category))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assistance as a')
            .select('a.id')
            .where('a.deleted_at', 'is', null)
            .where('a.given_on', '>=', from)
            .where('a.given_on', '<=', to)
            .where((eb) =>
              eb.or([
                eb('a.person_id', '=', eb.ref('p.id')),
                eb('a.household_id', 'in', eb.selectFrom('household_members as hm').select('hm.household_id').whereRef('hm.person_id', '=', 'p.id')),
              ]),
            ),
        ),
      ),
    );
  if (unit) {
    qb = qb.where('p.id', 'in', (eb) =>
      eb.selectFrom('person_orgs as po').innerJoin('org_closure as oc', 'oc.descendant_id', 'po.org_id').select('po.person_id').where('oc.ancestor_id', '=', unit),
    );
  }
  const total = Number((await qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await qb.select(['p.id']).orderBy('p.name').orderBy('p.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const people = await personSummaries(ctx, rows.map((r) => r.id));
  const items = rows.map((r) => {
    const p = people.get(r.id);
    return { personId: r.id, name: p?.name ?? '', idNumber: p?.idNumber ?? '', gender: p?.gender ?? '', birthDate: p?.birthDate ?? '', phone: p?.phone ?? null };
  });
  return { items, total, page: q.page, pageSize: q.pageSize, category: q.category, year };
}
