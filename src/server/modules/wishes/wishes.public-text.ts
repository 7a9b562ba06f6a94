import { type BeneficiaryRecord, publicTextFindings, type PublicTextFinding } from '../../../domain/wishes/public-text';
import type { Ctx } from '../../context';
import { AppError, type ErrorCode } from '../../http/errors';

/**
 * The public-text check against what is registered: the beneficiary's name, address and note (where
 * a child's school is written), and the households the beneficiary belongs to — their addresses,
 * and the other members' (the guardians') names and phones. Decrypted here, compared in
 * domain/wishes/public-text.ts, never returned.
 */
export async function beneficiaryRecords(ctx: Pick<Ctx, 'db' | 'crypto'>, personIds: readonly string[]): Promise<Map<string, BeneficiaryRecord>> {
  const ids = Array.from(new Set(personIds));
  const records = new Map<string, BeneficiaryRecord>();
  if (!ids.length) return records;
  const open = (cipher: string | null) => (cipher ? ctx.crypto.decrypt(cipher) : null);
  const people = await ctx.db.selectFrom('people').select(['id', 'name', 'address_cipher', 'phone_cipher', 'note']).where('id', 'in', ids).execute();
  const memberships = await ctx.db
    .selectFrom('household_members as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['m.person_id', 'h.id', 'h.address_cipher', 'h.head_person_id'])
    .where('m.person_id', 'in', ids)
    .execute();
  const householdIds = Array.from(new Set(memberships.map((h) => h.id)));
  const members = householdIds.length ? await ctx.db.selectFrom('household_members').select(['household_id', 'person_id']).where('household_id', 'in', householdIds).execute() : [];
  const othersOf = (personId: string) => {
    const mine = memberships.filter((h) => h.person_id === personId);
    const inMine = members.filter((m) => mine.some((h) => h.id === m.household_id)).map((m) => m.person_id);
    return Array.from(new Set([...inMine, ...mine.map((h) => h.head_person_id)])).filter((id): id is string => Boolean(id) && id !== personId);
  };
  const guardianIds = Array.from(new Set(ids.flatMap(othersOf)));
  const guardians = new Map((guardianIds.length ? await ctx.db.selectFrom('people').select(['id', 'name', 'phone_cipher']).where('id', 'in', guardianIds).execute() : []).map((g) => [g.id, g]));
  for (const person of people) {
    const mine = memberships.filter((h) => h.person_id === person.id);
    const others = othersOf(person.id).map((id) => guardians.get(id)).filter((g) => g !== undefined);
    records.set(person.id, {
      name: person.name,
      addresses: [open(person.address_cipher), ...mine.map((h) => open(h.address_cipher))],
      note: person.note,
      phones: [open(person.phone_cipher), ...others.map((g) => open(g.phone_cipher))],
      guardianNames: others.map((g) => g.name),
    });
  }
  return records;
}

export async function beneficiaryRecord(ctx: Pick<Ctx, 'db' | 'crypto'>, personId: string): Promise<BeneficiaryRecord> {
  const record = (await beneficiaryRecords(ctx, [personId])).get(personId);
  if (!record) throw new AppError('NOT_FOUND', '心愿人不存在');
  return record;
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

/** Shown on the public board instead of a published text that the check now refuses. */
export const withheldText = { title: '微心愿', story: '（该心愿的说明正在修订，暂不公开）' } as const;

/**
 * The public side checks again what it serves: a wish published before the check knew a registered
 * detail (or whose beneficiary's record changed since) has its title and story withheld until staff
 * correct it — one batch of queries per page, the rows themselves unchanged.
 */
export async function withholdUnsafeText<T extends { title: string; story: string }>(ctx: Pick<Ctx, 'db' | 'crypto'>, rows: readonly { person_id: string; title: string; story: string }[], shown: T[]): Promise<T[]> {
  const records = await beneficiaryRecords(ctx, rows.map((r) => r.person_id));
  return shown.map((item, i) => {
    const record = records.get(rows[i].person_id);
    const unsafe = !record || publicTextFindings({ title: rows[i].title, story: rows[i].story }, record).length > 0;
    return unsafe ? { ...item, ...withheldText } : item;
  });
}
