import { isWishStatus, nextWishStatus, type WishAction, wishCode } from '../../../domain/wishes/flow';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { WishTable } from '../../db/types';
import { AppError, validation } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import * as repo from './wishes.repo';
import { assertPublicText } from './wishes.public-text';
import { applyLapses, assertUnderCap, today } from './wishes.rules';
import type { WishTransitionBody } from './wishes.schemas';
import { openWish } from './wishes.service';
import { toWishDetail } from './wishes.view';

/** The organizer's steps: review, publish (with a code), release a claim, record delivery with a photo, confirm, withdraw. */
function required(value: string | undefined, path: string, message: string): string {
  if (!value) throw validation(path, message);
  return value;
}

async function stepPatch(tx: Ctx, row: repo.WishRow, action: WishAction, b: WishTransitionBody): Promise<{ patch: Partial<WishTable>; detail: Record<string, unknown> }> {
  const day = today(tx);
  switch (action) {
    case 'approve':
    case 'publish': {
      // checked again: the cap or the person's name may have changed since the wish was written
      await assertUnderCap(tx.db, row.org_id, Number(row.value_fen));
      await assertPublicText(tx, row.person_id, row, 'RULE_VIOLATED');
      if (action === 'approve') return { patch: { reject_reason: null }, detail: {} };
      const code = row.code ?? wishCode(Number(day.slice(0, 4)), await repo.nextCodeNumber(tx.db, Number(day.slice(0, 4))));
      return { patch: { code, published_on: row.published_on ?? day }, detail: { code } };
    }
    case 'reject':
      return { patch: { reject_reason: required(b.reason, 'reason', '退回须填写理由') }, detail: { reason: b.reason } };
    case 'release': {
      const reason = required(b.reason, 'reason', '解除认领须填写理由');
      if (row.claim_id) await repo.endClaim(tx.db, row.claim_id, 'released', day);
      return { patch: { claim_id: null, claimed_on: null }, detail: { reason, claimId: row.claim_id } };
    }
    case 'deliver': {
      if ((await repo.attachmentCount(tx.db, row.id)) === 0) throw new AppError('RULE_VIOLATED', '登记送达前请先上传送达照片', [{ path: 'attachments', message: '请先上传送达照片' }]);
      const on = b.deliveredOn ?? day;
      if (on > day) throw validation('deliveredOn', '送达日期不能晚于今天');
      if (row.claimed_on && on < row.claimed_on) throw validation('deliveredOn', '送达日期不能早于认领日期');
      return { patch: { delivered_on: on, delivery_note: required(b.note, 'note', '请填写送达情况') }, detail: { deliveredOn: on } };
    }
    case 'confirm':
      if (row.claim_id) await repo.endClaim(tx.db, row.claim_id, 'fulfilled', day);
      return { patch: { fulfilled_on: day }, detail: {} };
    case 'withdraw':
      return { patch: {}, detail: { reason: required(b.reason, 'reason', '撤回须填写理由') } };
  }
}

export async function transitionWish(ctx: Ctx, id: string, body: WishTransitionBody) {
  await openWish(ctx, id, 'ledger.write');
  await applyLapses(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const row = await openWish(tx, id, 'ledger.write');
    if (!isWishStatus(row.status)) throw new AppError('INTERNAL', `未知的心愿状态 ${row.status}`);
    const next = nextWishStatus(row.status, body.action);
    if (!next.ok) throw new AppError('RULE_VIOLATED', next.message, [{ path: 'action', message: next.message }]);
    const s = await stepPatch(tx, row, body.action, body);
    // a donor claiming at the same moment: the conditional update sees the wish moved and refuses
    if (!(await repo.updateWishIf(tx.db, id, row.status, { ...s.patch, status: next.to, updated_at: nowIso(tx) }))) throw new AppError('CONFLICT', '心愿刚被更新（可能已被认领），请刷新后重试');
    await appendAudit(tx, { action: body.action, entity: 'wish', entityId: id, orgId: row.org_id, detail: { from: row.status, to: next.to, ...s.detail } });
    return toWishDetail(tx, await openWish(tx, id, 'ledger.write'));
  });
}
