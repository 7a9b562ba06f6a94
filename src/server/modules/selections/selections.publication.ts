import { shanghaiDate } from '../../../domain/dates';
import { type NominationStatus, nomineeCode, type Stage, stageLabels } from '../../../domain/selections/kinds';
import { type ConsentKind, consentLabels, displayNameIssue, isChild, publicNomineeName } from '../../../domain/selections/publication';
import { stageAllows } from '../../../domain/selections/stages';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { hasPermission, orgInScope, orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy, parseWith } from '../catalogs/ledger-kit';
import * as repo from './selections.repo';
import { publicationBody, type PublicationBody } from './selections.schemas';
import { canManage, loadCampaign } from './selections.service';

/**
 * What a nomination publishes (公示 names the nominees): the public display name, the consent to
 * publication (本人/监护人) with who recorded it and when, the 事迹 and a photo (an attachment of entity
 * 'nominations'). The nominating unit (or a unit above it) and the organizer may change them until the
 * award; once the campaign is public a recorded consent can no longer be taken back here (撤回推荐 or
 * the organizer's review handles a nominee who withdraws).
 */
type Columns = { display_name: string | null; publish_consent: ConsentKind | null; consent_recorded_by: string | null; consent_recorded_at: string | null };

export async function checkPublication(ctx: Ctx, child: boolean, p: { displayName: string | null; consent: ConsentKind | null }): Promise<Columns> {
  const name = p.displayName?.trim() || null;
  const issue = name ? displayNameIssue(name, child) : null;
  if (issue) throw new AppError('VALIDATION', issue, [{ path: 'displayName', message: issue }]);
  return { display_name: name, publish_consent: p.consent, consent_recorded_by: p.consent ? createdBy(ctx) : null, consent_recorded_at: p.consent ? nowIso(ctx) : null };
}

/** Is the person nominee of each nomination a child today? */
async function childNominees(ctx: Ctx, rows: { id: string; person_id: string | null }[]): Promise<Set<string>> {
  const ids = rows.map((r) => r.person_id).filter((v): v is string => Boolean(v));
  if (!ids.length) return new Set();
  const today = shanghaiDate(ctx.now());
  const people = await ctx.db.selectFrom('people').select(['id', 'birth_date']).where('id', 'in', ids).execute();
  const kids = new Set(people.filter((p) => isChild(p.birth_date, today)).map((p) => p.id));
  return new Set(rows.filter((r) => r.person_id && kids.has(r.person_id)).map((r) => r.id));
}

/** The newest image of each nomination (its public photo). */
export async function nominationPhotos(ctx: Ctx, ids: string[]): Promise<Map<string, { id: string; sha256: string }>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .selectFrom('attachments')
    .select(['id', 'entity_id', 'sha256', 'created_at'])
    .where('entity', '=', 'nominations')
    .where('entity_id', 'in', ids)
    .where('mime', 'like', 'image/%')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, { id: r.id, sha256: r.sha256 }]));
}

/** The staff's view of each nomination's publication. */
export async function publicationView(ctx: Ctx, rows: repo.NominationRow[]) {
  const [children, photos] = await Promise.all([childNominees(ctx, rows), nominationPhotos(ctx, rows.map((r) => r.id))]);
  const recorders = [...new Set(rows.map((r) => r.consent_recorded_by).filter((v): v is string => Boolean(v)))];
  const users = recorders.length ? await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', recorders).execute() : [];
  return new Map(
    rows.map((r) => {
      const consent = (r.publish_consent ?? null) as ConsentKind | null;
      const child = children.has(r.id);
      return [
        r.id,
        {
          displayName: r.display_name ?? null,
          consent,
          consentLabel: consent ? consentLabels[consent] : '未登记同意公开',
          consentRecordedBy: users.find((u) => u.id === r.consent_recorded_by)?.display_name ?? null,
          consentRecordedAt: r.consent_recorded_at ?? null,
          child,
          shownName: publicNomineeName({ maskedName: r.public_name, displayName: r.display_name ?? null, consent, child }),
          photoId: photos.get(r.id)?.id ?? null,
        },
      ] as const;
    }),
  );
}

/**
 * Accepted nominees without a recorded consent, as the advance refusal names them: “002 丁*家庭（甲镇妇联）”.
 * A unit (集体) is public by its name and needs none; people, households and a loan's borrower do.
 */
export async function unconsentedNominees(ctx: Ctx, campaignId: string): Promise<string[]> {
  const rows = (await repo.nominationsOf(ctx.db, campaignId, null)).filter((n) => n.status === 'accepted' && n.nominee_type !== 'unit' && !n.publish_consent);
  return rows.map((n) => `${nomineeCode(Number(n.seq))} ${n.public_name}（${n.org_name}）`);
}

/**
 * The nomination a caller may reach: the organizer's managers see all; others the nominations of
 * units in their read scope. `write` also needs ledger.write over the nominating unit (or organizer).
 */
export async function reachNomination(ctx: Ctx, campaignId: string, nominationId: string, mode: 'read' | 'write') {
  const c = await loadCampaign(ctx, campaignId, 'read');
  const manager = await canManage(ctx, c);
  let q = ctx.db.selectFrom('campaign_nominations').selectAll().where('id', '=', nominationId).where('campaign_id', '=', c.id);
  if (!manager) q = q.where(orgInScope(orgScope(ctx, 'ledger.read'), 'nominating_org_id'));
  const n = await q.executeTakeFirst();
  if (!n) throw notFound('提名');
  if (mode === 'write' && !manager) {
    const forUnit = hasPermission(ctx, 'ledger.write')
      ? await ctx.db.selectFrom('org_units').select('id').where('id', '=', n.nominating_org_id).where(orgInScope(orgScope(ctx, 'ledger.write'), 'org_units.id')).executeTakeFirst()
      : undefined;
    if (!forUnit) throw new AppError('FORBIDDEN', '只有推荐单位或主办单位的工作人员可以修改提名的公开信息');
  }
  return { campaign: c, nomination: n };
}

/** For the attachments module: the unit a nomination's photo belongs to, if the caller may read / add to it (404 otherwise). */
export async function nominationFileOwner(ctx: Ctx, nominationId: string, mode: 'read' | 'write'): Promise<{ orgId: string }> {
  const row = await ctx.db.selectFrom('campaign_nominations').select(['campaign_id']).where('id', '=', nominationId).executeTakeFirst();
  if (!row) throw notFound('提名');
  const { campaign, nomination } = await reachNomination(ctx, row.campaign_id, nominationId, mode);
  if (mode === 'write') editable(campaign.stage as Stage, nomination.status as NominationStatus);
  return { orgId: nomination.nominating_org_id };
}

function editable(stage: Stage, status: NominationStatus) {
  if (stage === 'awarded') throw new AppError('RULE_VIOLATED', '评选已表彰，不能再修改提名的公开信息');
  if (status === 'withdrawn' || status === 'rejected') throw new AppError('RULE_VIOLATED', `该提名${status === 'withdrawn' ? '已撤回' : '未通过审核'}，不能修改公开信息`);
}

export async function updatePublication(ctx: Ctx, campaignId: string, nominationId: string, input: PublicationBody) {
  const b = parseWith(publicationBody, input);
  return inTransaction(ctx, async (tx) => {
    const { campaign: c, nomination: n } = await reachNomination(tx, campaignId, nominationId, 'write');
    const stage = c.stage as Stage;
    editable(stage, n.status as NominationStatus);
    const child = (await childNominees(tx, [n])).has(n.id);
    const consent = b.consent === undefined ? ((n.publish_consent ?? null) as ConsentKind | null) : b.consent;
    if (n.publish_consent && !consent && stageAllows.publicPage(stage)) {
      throw new AppError('RULE_VIOLATED', `评选已进入“${stageLabels[stage]}”阶段，公众页面正在展示该候选对象，不能撤销同意公开`, [{ path: 'consent', message: '公开阶段不能撤销同意' }]);
    }
    const next = await checkPublication(tx, child, { displayName: b.displayName === undefined ? (n.display_name ?? null) : b.displayName, consent });
    // a consent already on record keeps who recorded it and when, unless its kind changes
    const kept = consent && consent === n.publish_consent ? { consent_recorded_by: n.consent_recorded_by ?? null, consent_recorded_at: n.consent_recorded_at ?? null } : {};
    const now = nowIso(tx);
    await tx.db
      .updateTable('campaign_nominations')
      .set({ ...next, ...kept, ...(b.deeds !== undefined ? { deeds: b.deeds } : {}), updated_at: now })
      .where('id', '=', n.id)
      .execute();
    const fields = Object.entries(b).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update_publication', entity: 'campaign_nomination', entityId: n.id, orgId: n.nominating_org_id, detail: { campaignId: c.id, fields, displayName: next.display_name, consent } });
    const row = await tx.db.selectFrom('campaign_nominations as n').innerJoin('org_units as o', 'o.id', 'n.nominating_org_id').selectAll('n').select('o.name as org_name').where('n.id', '=', n.id).executeTakeFirstOrThrow();
    return { id: n.id, code: nomineeCode(Number(n.seq)), deeds: row.deeds, ...(await publicationView(tx, [row])).get(n.id) };
  });
}
