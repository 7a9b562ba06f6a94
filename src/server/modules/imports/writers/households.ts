import { newId } from '../../../../domain/ids';
import { nowIso } from '../../../context';
import { type BulkPersonRow, type PeopleCache, registerPeople, resolvePeople } from '../../people/people.bulk';
import type { HouseholdImportInput } from '../kinds/households';
import type { ParsedRow } from '../parse';
import { chunked } from './common';
import type { KindWriter, Plan } from './types';

const heads = (rows: ParsedRow<HouseholdImportInput>[]): BulkPersonRow[] => rows.map((r) => ({ name: r.input.headName, idNumber: r.input.headIdNumber, orgId: r.orgId }));

/** Households by their head: a unit's household with the same head is the same household. */
export const householdsWriter: KindWriter<HouseholdImportInput> = {
  ledgerTable: 'households',
  start(name) {
    const cache: PeopleCache = new Map();
    const seen = new Set<string>();
    return {
      async plan(ctx, rows) {
        const plan: Plan = { errors: [], duplicates: new Set() };
        const mismatches = await resolvePeople(ctx, heads(rows), cache);
        const headIds = new Set<string>();
        for (const r of rows) {
          const id = cache.get(r.input.headIdNumber)?.id;
          if (id) headIds.add(id);
        }
        const known = new Set<string>();
        for (const part of chunked(Array.from(headIds))) {
          const existing = await ctx.db.selectFrom('households').select(['head_person_id', 'org_id']).where('head_person_id', 'in', part).execute();
          for (const h of existing) known.add(`${h.head_person_id}|${h.org_id}`);
        }
        rows.forEach((r, i) => {
          const mismatch = mismatches.get(i);
          if (mismatch) return void plan.errors.push({ row: r.row, ...name('headName'), message: mismatch });
          const personId = cache.get(r.input.headIdNumber)?.id;
          const fileKey = `${r.input.headIdNumber}|${r.orgId}`;
          if (seen.has(fileKey) || (personId && known.has(`${personId}|${r.orgId}`))) plan.duplicates.add(r.row);
          seen.add(fileKey);
        });
        return plan;
      },
      async write(tx, rows, batchId) {
        await registerPeople(tx, heads(rows), cache, batchId);
        const now = nowIso(tx);
        const values = rows.map((r) => ({
          id: newId(),
          org_id: r.orgId,
          head_person_id: cache.get(r.input.headIdNumber)?.id as string,
          name: r.input.name,
          address_cipher: r.input.address ? tx.crypto.encrypt(r.input.address) : null,
          categories: r.input.categories.join('、'),
          lifted_on: r.input.liftedOn ?? null,
          batch_id: batchId,
          created_at: now,
          updated_at: now,
        }));
        for (const part of chunked(values)) {
          await tx.db.insertInto('households').values(part).execute();
          await tx.db.insertInto('household_members').values(part.map((h) => ({ household_id: h.id, person_id: h.head_person_id, relation: '户主' }))).execute();
        }
      },
      finish: async () => [],
    };
  },
};
