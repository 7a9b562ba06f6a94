import { type Expression, type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { awaitingAcceptance, awaitingHandling } from '../../../domain/cases/flow';
import { addDays, dueSoonDays } from '../../../domain/cases/deadlines';
import type { CaseEventTable, CasePartyTable, CaseTable, DB } from '../../db/types';
import { inSubtree } from '../catalogs/ledger-kit';

/** Kysely queries for cases (个案); visibility conditions come from the scope guard. */
export type CaseRow = Selectable<CaseTable>;

export async function insertCase(db: Kysely<DB>, row: Insertable<CaseTable>): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

export async function insertParties(db: Kysely<DB>, rows: Insertable<CasePartyTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('case_parties').values(rows).execute();
}

/** Appends a timeline entry numbered after the case's last one (the case row is already updated, hence locked, in this transaction). */
export async function insertEvent(db: Kysely<DB>, row: Omit<Insertable<CaseEventTable>, 'seq'>): Promise<void> {
  const last = await db.selectFrom('case_events').select((eb) => eb.fn.max('seq').as('m')).where('case_id', '=', row.case_id).executeTakeFirst();
  await db.insertInto('case_events').values({ ...row, seq: Number(last?.m ?? 0) + 1 }).execute();
}

/** Updates the case only if nobody changed it since `seen` was read; false when someone did. */
export async function updateCaseIfUnchanged(db: Kysely<DB>, seen: CaseRow, patch: Partial<CaseTable>): Promise<boolean> {
  const r = await db.updateTable('cases').set(patch).where('id', '=', seen.id).where('status', '=', seen.status).where('updated_at', '=', seen.updated_at).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The status the case left at its last step (null for a case only registered). */
export async function lastEventFrom(db: Kysely<DB>, caseId: string): Promise<string | null> {
  const e = await db.selectFrom('case_events').select('from_status').where('case_id', '=', caseId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return e?.from_status ?? null;
}

export async function findVisibleCase(db: Kysely<DB>, visible: Expression<SqlBool>, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases as c').selectAll('c').where('c.id', '=', id).where('c.deleted_at', 'is', null).where(visible).executeTakeFirst();
}

export async function findCaseById(db: Kysely<DB>, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export interface CaseFilters {
  status?: string;
  kind?: string;
  overdue?: 'true' | 'false';
  dueSoon?: 'true' | 'false';
  /** the caller's user id when only the cases they handle are wanted */
  handlerId?: string;
  orgId?: string;
}

/** Overdue: the pending step's due date is before today. */
export function overdueCondition(today: string, prefix = 'c'): Expression<SqlBool> {
  return sql<SqlBool>`((${sql.ref(`${prefix}.status`)} in (${sql.join(awaitingAcceptance)}) and ${sql.ref(`${prefix}.due_accept_on`)} < ${today})
    or (${sql.ref(`${prefix}.status`)} in (${sql.join(awaitingHandling)}) and ${sql.ref(`${prefix}.due_handle_on`)} < ${today}))`;
}

/** Due soon: the pending step is due today or within the next 3 days. */
export function dueSoonCondition(today: string, prefix = 'c'): Expression<SqlBool> {
  const last = addDays(today, dueSoonDays);
  return sql<SqlBool>`((${sql.ref(`${prefix}.status`)} in (${sql.join(awaitingAcceptance)}) and ${sql.ref(`${prefix}.due_accept_on`)} between ${today} and ${last})
    or (${sql.ref(`${prefix}.status`)} in (${sql.join(awaitingHandling)}) and ${sql.ref(`${prefix}.due_handle_on`)} between ${today} and ${last}))`;
}

function filtered(db: Kysely<DB>, visible: Expression<SqlBool>, f: CaseFilters, today: string) {
  let qb = db.selectFrom('cases as c').where('c.deleted_at', 'is', null).where(visible);
  if (f.status) qb = qb.where('c.status', '=', f.status);
  if (f.kind) qb = qb.where('c.kind', '=', f.kind);
  if (f.orgId) qb = qb.where(inSubtree('c.org_id', f.orgId));
  if (f.overdue === 'true') qb = qb.where(overdueCondition(today));
  if (f.dueSoon === 'true') qb = qb.where(dueSoonCondition(today));
  if (f.handlerId) qb = qb.where('c.handler_id', '=', f.handlerId);
  return qb;
}

export async function listCaseRows(db: Kysely<DB>, visible: Expression<SqlBool>, f: CaseFilters, today: string, page: number, pageSize: number) {
  return filtered(db, visible, f, today).selectAll('c').orderBy('c.registered_on', 'desc').orderBy('c.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
}

export async function countCases(db: Kysely<DB>, visible: Expression<SqlBool>, f: CaseFilters, today: string): Promise<number> {
  const r = await filtered(db, visible, f, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Counts by status, by kind, and 超期/临期, under the list's own filters: each facet ignores only its own
 * filter (the status tabs count across statuses, the kind menu across kinds, 超期/临期 across deadlines),
 * so a tab's count is the number of cases the list shows when it is chosen. Without filters, and with
 * the dashboard's condition for `visible`, they are the dashboard's case counts.
 */
export async function facetCounts(db: Kysely<DB>, visible: Expression<SqlBool>, f: CaseFilters, today: string) {
  const byStatus = await filtered(db, visible, { ...f, status: undefined }, today)
    .select(['c.status as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.status')
    .execute();
  const byKind = await filtered(db, visible, { ...f, kind: undefined }, today)
    .select(['c.kind as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.kind')
    .execute();
  const deadlines = await filtered(db, visible, { ...f, overdue: undefined, dueSoon: undefined }, today)
    .select([
      sql<number>`coalesce(sum(case when ${overdueCondition(today)} then 1 else 0 end), 0)`.as('overdue'),
      sql<number>`coalesce(sum(case when ${dueSoonCondition(today)} then 1 else 0 end), 0)`.as('due_soon'),
    ])
    .executeTakeFirstOrThrow();
  return { byStatus, byKind, deadlines };
}

export async function partiesOf(db: Kysely<DB>, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_parties as p')
    .leftJoin('people as pe', 'pe.id', 'p.person_id')
    .select(['p.case_id', 'p.position', 'p.person_id', 'p.role', 'p.name_if_unnamed', 'pe.name as person_name', 'pe.birth_date'])
    .where('p.case_id', 'in', caseIds)
    .orderBy('p.case_id')
    .orderBy('p.position')
    .execute();
}

export async function eventsOf(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function followupsOf(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('case_followups').selectAll().where('case_id', '=', caseId).orderBy('followed_on').orderBy('id').execute();
}

export async function transfersOf(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('case_transfers').selectAll().where('case_id', '=', caseId).orderBy('requested_at').orderBy('id').execute();
}

/** The deadline setting for a kind nearest to the unit (itself first, then its ancestors). */
export async function nearestDeadline(db: Kysely<DB>, orgId: string, kind: string) {
  return db
    .selectFrom('case_deadlines as d')
    .innerJoin('org_closure as oc', 'oc.ancestor_id', 'd.org_id')
    .select(['d.accept_days', 'd.handle_days'])
    .where('oc.descendant_id', '=', orgId)
    .where('d.kind', '=', kind)
    .orderBy('oc.depth', 'asc')
    .limit(1)
    .executeTakeFirst();
}

/** Counts by status and kind, and the overdue / due-soon totals, over `where`. */
export async function userHasGrantOver(db: Kysely<DB>, userId: string, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_grants as g')
    .innerJoin('org_closure as oc', 'oc.ancestor_id', 'g.org_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.id')
    .where('g.user_id', '=', userId)
    .where('oc.descendant_id', '=', orgId)
    .where('g.role', '<>', 'viewer')
    .executeTakeFirst();
  return Boolean(row);
}

export async function replaceParties(db: Kysely<DB>, caseId: string, rows: Insertable<CasePartyTable>[]): Promise<void> {
  await db.deleteFrom('case_parties').where('case_id', '=', caseId).execute();
  await insertParties(db, rows);
}

/** When the current handling period began: the last 受理 or 重新办理 on the timeline. */
export async function handlingStartedAt(db: Kysely<DB>, caseId: string): Promise<string | undefined> {
  const e = await db.selectFrom('case_events').select('at').where('case_id', '=', caseId).where('action', 'in', ['accept', 'reopen']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return e?.at;
}

/** Users who may be assigned a case of the unit: a working grant (not viewer) on the unit or an ancestor, account enabled. */
export async function hasOpenCaseOf(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('cases').select('id').where('handler_id', '=', userId).where('deleted_at', 'is', null).where('status', '<>', '归档').limit(1).executeTakeFirst();
  return Boolean(row);
}

export async function handlerCandidates(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_grants as g', 'g.user_id', 'u.id')
    .innerJoin('org_closure as oc', 'oc.ancestor_id', 'g.org_id')
    .innerJoin('org_units as o', 'o.id', 'g.org_id')
    .select(['u.id', 'u.display_name', 'u.username', 'o.name as org_name', 'oc.depth'])
    .where('oc.descendant_id', '=', orgId)
    .where('g.role', '<>', 'viewer')
    .where('u.disabled', '=', 0)
    .orderBy('oc.depth')
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(500)
    .execute();
}

/** Units that handle cases (a case_worker grant on the unit itself) in the same tree as `orgId`, except `orgId`. */
export async function transferTargets(db: Kysely<DB>, orgId: string) {
  const root = await db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', orgId).orderBy('depth', 'desc').limit(1).executeTakeFirst();
  if (!root) return [];
  return db
    .selectFrom('org_units as o')
    .innerJoin('org_closure as oc', 'oc.descendant_id', 'o.id')
    .select(['o.id', 'o.name', 'o.code'])
    .where('oc.ancestor_id', '=', root.ancestor_id)
    .where('o.id', '<>', orgId)
    .where('o.dissolved_on', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('user_grants as g').select('g.id').whereRef('g.org_id', '=', 'o.id').where('g.role', '=', 'case_worker')))
    .orderBy('oc.depth')
    .orderBy('o.sort_order')
    .orderBy('o.code')
    .limit(500)
    .execute();
}
