import { type BeneficiaryRecord, publicTextFindings, type PublicTextFinding } from '../../../domain/wishes/public-text';
import type { Ctx } from '../../context';
import { AppError, type ErrorCode } from '../../http/errors';

/**
 * The public-text check against what is registered: the beneficiary's name, address and note (where
 * a child's school is written), and the households the beneficiary belongs to — their addresses,
 * and the other members' (the guardians') names and phones. Decrypted here, compared in
 * domain/wishes/public-text.ts, never returned.
 */
export async function beneficiaryRecord(ctx: Pick<Ctx, 'db' | 'crypto'>, personId: string): Promise<BeneficiaryRecord> {
  const open = (cipher: string | null) => (cipher ? ctx.crypto.decrypt(cipher) : null);
  const person = await ctx.db.selectFrom('people').select(['name', 'address_cipher', 'phone_cipher', 'note']).where('id', '=', personId).executeTakeFirstOrThrow();
  const households = await ctx.db
    .selectFrom('household_members as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['h.id', 'h.address_cipher', 'h.head_person_id'])
    .where('m.person_id', '=', personId)
    .execute();
  const householdIds = households.map((h) => h.id);
  const memberIds = householdIds.length
    ? (await ctx.db.selectFrom('household_members').select('person_id').where('household_id', 'in', householdIds).execute()).map((m) => m.person_id)
    : [];
  const others = Array.from(new Set([...memberIds, ...households.map((h) => h.head_person_id)])).filter((id): id is string => Boolean(id) && id !== personId);
  const guardians = others.length ? await ctx.db.selectFrom('people').select(['name', 'phone_cipher']).where('id', 'in', others).execute() : [];
  return {
    name: person.name,
    addresses: [open(person.address_cipher), ...households.map((h) => open(h.address_cipher))],
    note: person.note,
    phones: [open(person.phone_cipher), ...guardians.map((g) => open(g.phone_cipher))],
    guardianNames: guardians.map((g) => g.name),
  };
}

export async function publicTextFindingsOf(ctx: Pick<Ctx, 'db' | 'crypto'>, personId: string, fields: { title: string; story: string }): Promise<PublicTextFinding[]> {
  return publicTextFindings({ title: fields.title, story: fields.story }, await beneficiaryRecord(ctx, personId));
}

/**
 * Refuses a title or story that would publish what identifies the beneficiary; the message names
 * what was found. VALIDATION while the text is being written, RULE_VIOLATED at 审核通过 / 发布.
 */
export async function assertPublicText(ctx: Pick<Ctx, 'db' | 'crypto'>, personId: string, fields: { title: string; story: string }, code: ErrorCode = 'VALIDATION'): Promise<void> {
  const findings = await publicTextFindingsOf(ctx, personId, fields);
  if (!findings.length) return;
  const more = findings.length > 1 ? `等 ${findings.length} 处` : '';
  throw new AppError(code, `心愿将公开显示，${findings[0].message}${more}，请修改后再提交`, findings.map((f) => ({ path: f.field, message: f.message })));
}
