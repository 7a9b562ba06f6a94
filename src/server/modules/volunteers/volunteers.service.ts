import { type Expression, type SqlBool } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { hoursToTenths, type ServiceStatus, serviceStatusLabels, tenthsToHours } from '../../../domain/volunteers/hours';
import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound, validation } from '../../http/errors';
import { assertRecordDates } from '../../http/record-dates';
import { defaultOrgId, orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy } from '../catalogs/ledger-kit';
import { assertPersonInScope } from '../people/people.service';
import * as repo from './volunteers.repo';
import type { AddMemberBody, CreateServiceBody, CreateTeamBody, ListServicesQuery, ListTeamsQuery } from './volunteers.schemas';

/**
 * Volunteers (志愿服务): teams owned by a unit (萤火虫志愿者, 彩虹桥志愿者 …), their members (people of
 * the registry), service records (date, hours, activity) that count once the organizer confirms
 * them, and a volunteer's own hour summary. Scope: the team's unit (ledger.*).
 */
type Perm = 'ledger.read' | 'ledger.write';
const visible = (ctx: Ctx, p: Perm): Expression<SqlBool> => orgInScope(orgScope(ctx, p), 't.org_id');
const today = (ctx: Ctx) => shanghaiDate(ctx.now());

async function openTeam(ctx: Ctx, id: string, p: Perm) {
  const team = await repo.findTeam(ctx.db, visible(ctx, p), id);
  if (!team) throw notFound('志愿服务队');
  return team;
}

export async function createTeam(ctx: Ctx, input: CreateTeamBody) {
  orgScope(ctx, 'ledger.write');
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'ledger.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'ledger.write');
  return inTransaction(ctx, async (tx) => {
    if (await repo.teamNameTaken(tx.db, orgId, input.name)) throw new AppError('CONFLICT', `本单位已有“${input.name}”`, [{ path: 'name', message: '本单位已有同名队伍' }]);
    const id = newId();
    const now = nowIso(tx);
    await tx.db.insertInto('volunteer_teams').values({ id, org_id: orgId, name: input.name, description: input.description || null, created_at: now, updated_at: now }).execute();
    await appendAudit(tx, { action: 'create', entity: 'volunteer_team', entityId: id, orgId, detail: { name: input.name } });
    return getTeam(tx, id);
  });
}

export async function listTeams(ctx: Ctx, q: ListTeamsQuery) {
  const where = visible(ctx, 'ledger.read');
  if (q.orgId) await resolveOrgInScope(ctx, 'ledger.read', q.orgId, 'orgId');
  const rows = await repo.listTeams(ctx.db, where, q, q.page, q.pageSize);
  return {
    items: rows.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, description: r.description, memberCount: Number(r.members), confirmedHours: tenthsToHours(Number(r.tenths)), createdAt: r.created_at })),
    total: await repo.countTeams(ctx.db, where, q),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function listMembers(ctx: Ctx, teamId: string) {
  await openTeam(ctx, teamId, 'ledger.read');
  const rows = await repo.membersOf(ctx.db, teamId);
  return { items: rows.map((m) => ({ personId: m.person_id, name: m.name, gender: m.gender, phone: m.phone_masked, joinedOn: m.joined_on, confirmedHours: tenthsToHours(Number(m.tenths)) })) };
}

export async function getTeam(ctx: Ctx, id: string) {
  const team = await openTeam(ctx, id, 'ledger.read');
  const org = await ctx.db.selectFrom('org_units').select('name').where('id', '=', team.org_id).executeTakeFirstOrThrow();
  const members = (await listMembers(ctx, id)).items;
  return { id: team.id, orgId: team.org_id, orgName: org.name, name: team.name, description: team.description, members, memberCount: members.length, createdAt: team.created_at };
}

export async function addMember(ctx: Ctx, teamId: string, input: AddMemberBody) {
  await openTeam(ctx, teamId, 'ledger.write');
  await assertPersonInScope(ctx, 'person.read', input.personId);
  assertRecordDates(ctx, [['joinedOn', '加入日期', input.joinedOn]]);
  const joinedOn = input.joinedOn ?? today(ctx);
  if (joinedOn > today(ctx)) throw validation('joinedOn', '加入日期不能晚于今天');
  return inTransaction(ctx, async (tx) => {
    const team = await openTeam(tx, teamId, 'ledger.write');
    if (await repo.isMember(tx.db, teamId, input.personId)) throw new AppError('CONFLICT', '该人员已是本队队员', [{ path: 'personId', message: '该人员已是本队队员' }]);
    await tx.db.insertInto('volunteer_members').values({ team_id: teamId, person_id: input.personId, joined_on: joinedOn, created_at: nowIso(tx) }).execute();
    await appendAudit(tx, { action: 'add_member', entity: 'volunteer_team', entityId: teamId, orgId: team.org_id, detail: { personId: input.personId, joinedOn } });
    return listMembers(tx, teamId);
  });
}

type ServiceRow = Awaited<ReturnType<typeof repo.listServices>>[number];
const toService = (r: ServiceRow) => ({
  id: r.id, teamId: r.team_id, teamName: r.team_name, orgId: r.org_id, personId: r.person_id, personName: r.person_name, servedOn: r.served_on,
  hours: tenthsToHours(Number(r.hours_tenths)), activity: r.activity, status: r.status as ServiceStatus, statusLabel: serviceStatusLabels[r.status as ServiceStatus],
  confirmedBy: r.confirmed_by, confirmedAt: r.confirmed_at,
});

export async function listServices(ctx: Ctx, q: ListServicesQuery) {
  const where = visible(ctx, 'ledger.read');
  if (q.orgId) await resolveOrgInScope(ctx, 'ledger.read', q.orgId, 'orgId');
  const rows = await repo.listServices(ctx.db, where, q);
  const totals = await repo.serviceTotals(ctx.db, where, q);
  return { items: rows.map(toService), total: totals.total, confirmedHours: tenthsToHours(totals.confirmedTenths), page: q.page, pageSize: q.pageSize };
}

async function oneService(ctx: Ctx, id: string) {
  const [row] = await repo.listServices(ctx.db, visible(ctx, 'ledger.read'), { id, page: 1, pageSize: 1 });
  if (!row) throw notFound('服务记录');
  return toService(row);
}

export async function createService(ctx: Ctx, input: CreateServiceBody) {
  const team = await openTeam(ctx, input.teamId, 'ledger.write');
  assertRecordDates(ctx, [['servedOn', '服务日期', input.servedOn]]);
  const tenths = hoursToTenths(input.hours);
  if (tenths === null) throw validation('hours', '服务时长应大于 0、不超过 24 小时，精确到 0.1 小时');
  if (input.servedOn > today(ctx)) throw validation('servedOn', '服务日期不能晚于今天');
  if (!(await repo.isMember(ctx.db, team.id, input.personId))) throw validation('personId', '该人员不是本队队员，请先加入队伍');
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await repo.insertService(tx.db, { id, team_id: team.id, person_id: input.personId, served_on: input.servedOn, hours_tenths: tenths, activity: input.activity, status: 'pending', confirmed_by: null, confirmed_at: null, created_by: createdBy(tx), created_at: nowIso(tx) });
    await appendAudit(tx, { action: 'create', entity: 'volunteer_service', entityId: id, orgId: team.org_id, detail: { teamId: team.id, personId: input.personId, servedOn: input.servedOn, hoursTenths: tenths } });
    return oneService(tx, id);
  });
}

/** The organizer confirms a record; only confirmed hours count in summaries. Confirming twice is refused (422). */
export async function confirmService(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findService(tx.db, visible(tx, 'ledger.write'), id);
    if (!row) throw notFound('服务记录');
    const done = await tx.db.updateTable('volunteer_services').set({ status: 'confirmed', confirmed_by: actorName(tx.actor), confirmed_at: nowIso(tx) }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('RULE_VIOLATED', '该服务记录已确认');
    await appendAudit(tx, { action: 'confirm', entity: 'volunteer_service', entityId: id, orgId: row.org_id, detail: { hoursTenths: Number(row.hours_tenths) } });
    return oneService(tx, id);
  });
}

/** A volunteer's hours: confirmed and pending, per team and year (teams the caller may see). */
export async function volunteerHours(ctx: Ctx, personId: string, q: { year?: number }) {
  await assertPersonInScope(ctx, 'person.read', personId, 'id');
  const rows = await repo.hoursOf(ctx.db, visible(ctx, 'ledger.read'), personId, q.year);
  const key = (r: { team_id: string; year: string }) => `${r.year}:${r.team_id}`;
  const groups = new Map<string, { year: number; teamId: string; teamName: string; confirmedHours: number; pendingHours: number; records: number }>();
  let confirmed = 0;
  let pending = 0;
  for (const r of rows) {
    const g = groups.get(key(r)) ?? { year: Number(r.year), teamId: r.team_id, teamName: r.team_name, confirmedHours: 0, pendingHours: 0, records: 0 };
    const tenths = Number(r.tenths);
    if (r.status === 'confirmed') {
      g.confirmedHours = tenthsToHours(Math.round(g.confirmedHours * 10) + tenths);
      confirmed += tenths;
    } else {
      g.pendingHours = tenthsToHours(Math.round(g.pendingHours * 10) + tenths);
      pending += tenths;
    }
    g.records += Number(r.n);
    groups.set(key(r), g);
  }
  return { personId, year: q.year ?? null, confirmedHours: tenthsToHours(confirmed), pendingHours: tenthsToHours(pending), byTeamYear: Array.from(groups.values()) };
}
