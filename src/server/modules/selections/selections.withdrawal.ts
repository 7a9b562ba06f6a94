import type { NominationStatus, Stage } from '../../../domain/selections/kinds';
import { nominationStatusLabels } from '../../../domain/selections/kinds';
import { checkWithdraw } from '../../../domain/selections/withdrawal';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { hasPermission, orgInScope, orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy, parseWith } from '../catalogs/ledger-kit';
import { withdrawBody, type WithdrawBody } from './selections.schemas';
import { canManage, loadCampaign } from './selections.service';

/**
 * 撤回推荐: the nominating unit (or a unit above it) takes a nomination back, with a reason, while
 * the campaign is in 提名 or 审核 (src/domain/selections/withdrawal.ts). The row is kept (status
 * withdrawn, reason, who, when), the unit's quota is freed, and it leaves the public pages, votes,
 * ranking and campaigns.nominees. A nomination the caller cannot see does not exist (404).
 */
export async function withdrawNomination(ctx: Ctx, campaignId: string, nominationId: string, input: WithdrawBody) {
  const b = parseWith(withdrawBody, input);
  return inTransaction(ctx, async (tx) => {
    const c = await loadCampaign(tx, campaignId, 'read');
    const manager = await canManage(tx, c);
    let q = tx.db.selectFrom('campaign_nominations').selectAll().where('id', '=', nominationId).where('campaign_id', '=', c.id);
    if (!manager) q = q.where(orgInScope(orgScope(tx, 'ledger.read'), 'nominating_org_id'));
    const n = await q.executeTakeFirst();
    if (!n) throw notFound('提名');
    const forUnit = hasPermission(tx, 'ledger.write')
      ? Boolean(await tx.db.selectFrom('org_units').select('id').where('id', '=', n.nominating_org_id).where(orgInScope(orgScope(tx, 'ledger.write'), 'org_units.id')).executeTakeFirst())
      : false;
    const check = checkWithdraw({ stage: c.stage as Stage, status: n.status as NominationStatus, mayActForUnit: forUnit });
    if (!check.ok) throw new AppError(check.status, check.message);
    const at = nowIso(tx);
    const by = createdBy(tx);
    // conditional on the status we checked: a concurrent review or second withdrawal loses
    const done = await tx.db
      .updateTable('campaign_nominations')
      .set({ status: 'withdrawn', withdraw_reason: b.reason, withdrawn_by: by, withdrawn_at: at, winner: 0, updated_at: at })
      .where('id', '=', n.id)
      .where('status', '=', n.status)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw new AppError('CONFLICT', '该提名刚被他人处理，请刷新后再试');
    await tx.db.updateTable('campaign_quotas').set((eb) => ({ used: eb('used', '-', 1) })).where('campaign_id', '=', c.id).where('org_id', '=', n.nominating_org_id).where('used', '>', 0).execute();
    await appendAudit(tx, { action: 'withdraw', entity: 'campaign_nomination', entityId: n.id, orgId: n.nominating_org_id, detail: { campaignId: c.id, from: n.status, reason: b.reason } });
    return { id: n.id, status: 'withdrawn' as const, statusLabel: nominationStatusLabels.withdrawn, withdrawReason: b.reason, withdrawnAt: at };
  });
}
