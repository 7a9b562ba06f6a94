import { isMinor } from '../../../domain/cases/parties';
import { maskName } from '../../../domain/mask';
import { fenToYuanNumber } from '../../../domain/money';
import { donorDisplayName } from '../../../domain/wishes/donor';
import { allowedWishActions, publicWishStatuses, type WishStatus, wishStatusLabels } from '../../../domain/wishes/flow';
import type { Ctx } from '../../context';
import { orgNames } from '../catalogs/ledger-kit';
import { publicTextFindingsOf } from './wishes.public-text';
import * as repo from './wishes.repo';
import { today } from './wishes.rules';

/** The organizer's view. Lists show a child's name masked; the detail shows it to staff of the unit. */
export async function toWishItems(ctx: Ctx, rows: repo.WishRow[], fullNames = false) {
  const orgs = await orgNames(ctx, rows.map((r) => r.org_id));
  const ids = Array.from(new Set(rows.map((r) => r.person_id)));
  const people = new Map((ids.length ? await ctx.db.selectFrom('people').select(['id', 'name', 'birth_date']).where('id', 'in', ids).execute() : []).map((p) => [p.id, p]));
  const day = today(ctx);
  return rows.map((r) => {
    const status = r.status as WishStatus;
    const p = people.get(r.person_id);
    const name = p ? (fullNames || !isMinor(p.birth_date, day) ? p.name : maskName(p.name)) : r.masked_name;
    return {
      id: r.id, code: r.code, orgId: r.org_id, orgName: orgs.get(r.org_id) ?? '', personId: r.person_id, personName: name, maskedName: r.masked_name,
      beneficiaryKind: r.beneficiary_kind, title: r.title, story: r.story, valueYuan: fenToYuanNumber(Number(r.value_fen)),
      status, statusLabel: wishStatusLabels[status], allowedActions: allowedWishActions(status), rejectReason: r.reject_reason,
      publishedOn: r.published_on, claimedOn: r.claimed_on, deliveredOn: r.delivered_on, deliveryNote: r.delivery_note, fulfilledOn: r.fulfilled_on,
      createdAt: r.created_at, updatedAt: r.updated_at,
    };
  });
}
export type WishItem = Awaited<ReturnType<typeof toWishItems>>[number];

export async function toWishDetail(ctx: Ctx, row: repo.WishRow) {
  const [item] = await toWishItems(ctx, [row], true);
  const claims = await repo.claimsOfWish(ctx.db, row.id);
  const current = claims.find((c) => c.id === row.claim_id);
  return {
    ...item,
    claim: current ? { phoneMasked: current.phone_masked, donorName: donorDisplayName(current.donor_name), claimedOn: current.claimed_on, dueOn: current.due_on } : null,
    claims: claims.map((c) => ({ id: c.id, phoneMasked: c.phone_masked, donorName: donorDisplayName(c.donor_name), claimedOn: c.claimed_on, dueOn: c.due_on, outcome: c.outcome, endedOn: c.ended_on })),
    photos: await repo.attachmentCount(ctx.db, row.id),
    publicPreview: await publicPreview(ctx, row, item.orgName),
  };
}

/**
 * What the public page (/p/wishes/:code) will show once the wish is published — the same fields
 * toPublicWish answers, as 待认领 with the code it will get — and every piece of personal data the
 * public-text check finds in it, with its position, so the reviewer sees before 审核通过 exactly
 * what goes public and why it would be refused.
 */
async function publicPreview(ctx: Ctx, row: repo.WishRow, unitName: string) {
  const card = toPublicWish(row, unitName, await repo.donorNamesOf(ctx.db, [row.claim_id]));
  const isPublic = (publicWishStatuses as readonly string[]).includes(row.status);
  const findings = await publicTextFindingsOf(ctx, row.person_id, row);
  return {
    card: isPublic ? card : { ...card, status: 'published', statusLabel: wishStatusLabels.published },
    findings: findings.map((f) => ({ field: f.field, kind: f.kind, found: f.found, start: f.start, end: f.end, message: f.message })),
  };
}

/** What a public page may show of a wish: the code, masked name, the checked title and story, value, unit, status. Never the person. */
export interface PublicWish {
  id: string;
  maskedName: string;
  kind: string;
  title: string;
  story: string;
  valueYuan: number;
  unitName: string;
  status: string;
  statusLabel: string;
  publishedOn: string | null;
  claimedOn: string | null;
  fulfilledOn: string | null;
  /** once claimed: the name the donor left, or 爱心人士（匿名） — never the phone */
  donorName: string | null;
}

/** `donors`: the names left on the wishes' claims (repo.donorNamesOf), by claim id. */
export function toPublicWish(r: repo.WishRow, unitName: string, donors: ReadonlyMap<string, string | null> = new Map()): PublicWish {
  const status = r.status as WishStatus;
  const claimed = r.claim_id !== null && status !== 'published';
  return {
    id: r.code ?? '', maskedName: r.masked_name, kind: r.beneficiary_kind, title: r.title, story: r.story, valueYuan: fenToYuanNumber(Number(r.value_fen)),
    unitName, status, statusLabel: wishStatusLabels[status], publishedOn: r.published_on, claimedOn: r.claimed_on, fulfilledOn: r.fulfilled_on,
    donorName: claimed && r.claim_id ? donorDisplayName(donors.get(r.claim_id)) : null,
  };
}
