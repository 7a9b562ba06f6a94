import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { splitList } from '../../../domain/ledgers/catalogs';
import { activityInput, type ActivityInput, deleteInput } from '../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../domain/ledgers/natural-keys';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { notFound } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { assertInCatalog } from '../catalogs/catalogs.service';
import { assertKeyFree, checkListOrg, createdBy, findLiveForWrite, guardKey, ledgerTotal, orgNames, overlay, parseWith, resolveLedgerOrg, softDeleteRow } from '../catalogs/ledger-kit';
import * as repo from './activities.repo';
import type { ActivityBody, ListActivitiesQuery } from './activities.schemas';

/** 活动台账: activities with their joint organizers (联合单位) and typed outcomes (成果). */
export interface ActivityItem {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  type: string;
  startOn: string;
  endOn: string | null;
  place: string | null;
  sessions: number;
  participants: number;
  targetGroups: string[];
  partners: Array<{ name: string; orgId: string | null }>;
  outcomes: Array<{ name: string; value: number; unit: string }>;
  note: string | null;
  batchId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

async function toItems(ctx: Ctx, rows: repo.ActivityRow[]): Promise<ActivityItem[]> {
  const names = await orgNames(ctx, rows.map((r) => r.org_id));
  const { partners, outcomes } = await repo.partsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: names.get(r.org_id) ?? '',
    name: r.name,
    type: r.type,
    startOn: r.start_on,
    endOn: r.end_on,
    place: r.place,
    sessions: Number(r.sessions),
    participants: Number(r.participants),
    targetGroups: splitList(r.target_groups),
    partners: partners.get(r.id) ?? [],
    outcomes: outcomes.get(r.id) ?? [],
    note: r.note,
    batchId: r.batch_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    deleteReason: r.delete_reason,
  }));
}

const keyLabel = (a: { name: string; type: string; startOn: string }) => `活动“${a.name}”，${a.type}，${a.startOn}`;

/**
 * 联合单位 are written as names; a name that is exactly one unit's name (anywhere in the tree: a
 * partner may be another organization) is linked to it, any other is kept as written. The
 * organizer never counts as its own partner.
 */
async function partnerRows(ctx: Ctx, names: string[], orgId: string) {
  const units = await repo.unitsNamed(ctx.db, names);
  return names.map((name, position) => {
    const ids = units.get(name) ?? [];
    return { position, name, org_id: ids.length === 1 && ids[0] !== orgId ? ids[0] : null };
  });
}

/** Checks the rules that need the database and returns the columns to write. */
async function prepare(tx: Ctx, a: ActivityInput) {
  const orgId = await resolveLedgerOrg(tx, a);
  await assertInCatalog(tx, 'activity_type', a.type, orgId, 'type');
  const partners = await partnerRows(tx, Array.from(new Set(a.partners)), orgId);
  const outcomes = a.outcomes.map((o) => ({ name: o.name, value: o.value, unit: o.unit }));
  const columns = {
    org_id: orgId,
    name: a.name,
    type: a.type,
    start_on: a.startOn,
    end_on: a.endOn ?? null,
    place: a.place || null,
    sessions: a.sessions,
    participants: a.participants,
    target_groups: Array.from(new Set(a.targetGroups)).join('、'),
    note: a.note || null,
    natural_key: naturalKeys.activity({ name: a.name, type: a.type, startOn: a.startOn, orgId }),
  };
  return { columns, partners, outcomes };
}

export async function createActivity(ctx: Ctx, input: ActivityBody, opts: { batchId?: string } = {}): Promise<ActivityItem> {
  orgScope(ctx, 'ledger.write');
  const a = parseWith(activityInput(shanghaiDate(ctx.now())), input);
  return guardKey(keyLabel(a), () =>
    inTransaction(ctx, async (tx) => {
      const { columns, partners, outcomes } = await prepare(tx, a);
      await assertKeyFree(tx, 'activities', columns.natural_key, keyLabel(a));
      const now = nowIso(tx);
      const id = newId();
      await repo.insertActivity(tx.db, { id, ...columns, batch_id: opts.batchId ?? null, created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null, delete_reason: null });
      await repo.replaceParts(tx.db, id, partners, outcomes);
      await appendAudit(tx, { action: 'create', entity: 'activity', entityId: id, orgId: columns.org_id, detail: { name: a.name, type: a.type, startOn: a.startOn } });
      return (await toItems(tx, [await loadRow(tx, id)]))[0];
    }),
  );
}

async function loadRow(ctx: Ctx, id: string): Promise<repo.ActivityRow> {
  const row = await repo.findActivity(ctx.db, { all: true, roots: [] }, id);
  if (!row) throw notFound('活动');
  return row;
}

export async function getActivity(ctx: Ctx, id: string): Promise<ActivityItem> {
  const row = await repo.findActivity(ctx.db, orgScope(ctx, 'ledger.read'), id);
  if (!row) throw notFound('活动');
  return (await toItems(ctx, [row]))[0];
}

export async function listActivities(ctx: Ctx, q: ListActivitiesQuery) {
  const scope = orgScope(ctx, 'ledger.read');
  await checkListOrg(ctx, q.orgId);
  const rows = await repo.listActivityRows(ctx.db, scope, q, q.page, q.pageSize);
  const total = await ledgerTotal(ctx, 'activities', scope, q, () => repo.countActivities(ctx.db, scope, q));
  return { items: await toItems(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}


export async function updateActivity(ctx: Ctx, id: string, patch: Partial<ActivityBody>): Promise<ActivityItem> {
  orgScope(ctx, 'ledger.write');
  return inTransaction(ctx, async (tx) => {
    await findLiveForWrite(tx, 'activities', id, '活动');
    const [current] = await toItems(tx, [await loadRow(tx, id)]);
    const base: ActivityBody = {
      name: current.name, type: current.type, startOn: current.startOn, endOn: current.endOn, place: current.place, sessions: current.sessions,
      participants: current.participants, targetGroups: current.targetGroups, partners: current.partners.map((p) => p.name),
      outcomes: current.outcomes, note: current.note, orgId: current.orgId,
    };
    const a = parseWith(activityInput(shanghaiDate(ctx.now())), overlay(base, patch));
    const { columns, partners, outcomes } = await prepare(tx, a);
    await assertKeyFree(tx, 'activities', columns.natural_key, keyLabel(a), id);
    await repo.updateActivityRow(tx.db, id, { ...columns, updated_at: nowIso(tx) });
    await repo.replaceParts(tx.db, id, partners, outcomes);
    const fields = Object.entries(patch).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update', entity: 'activity', entityId: id, orgId: columns.org_id, detail: { fields } });
    return (await toItems(tx, [await loadRow(tx, id)]))[0];
  });
}

export async function deleteActivity(ctx: Ctx, id: string, input: { reason: string }): Promise<void> {
  const { reason } = parseWith(deleteInput, input);
  await inTransaction(ctx, (tx) => softDeleteRow(tx, 'activities', 'activity', '活动', id, reason));
}
