import type { PersonInput } from '../../../../domain/person';
import { existingLinks, type PeopleCache, registerPeople, resolvePeople } from '../../people/people.bulk';
import type { ParsedRow } from '../parse';
import { phoneOrNull } from './phone';
import type { KindWriter, Plan } from './types';

const bulkRows = (rows: ParsedRow<PersonInput>[]) =>
  rows.map((r) => ({
    name: r.input.name,
    idNumber: r.input.idNumber,
    orgId: r.orgId,
    categories: r.input.categories ?? [],
    phone: phoneOrNull(r.input.phone),
    address: r.input.address || null,
    ethnicity: r.input.ethnicity || null,
    note: r.input.note || null,
  }));

/** People: the natural key is the ID number; a person already known to the row's unit is a duplicate. */
export const peopleWriter: KindWriter<PersonInput> = {
  ledgerTable: 'people',
  start(name) {
    const cache: PeopleCache = new Map();
    const seen = new Set<string>();
    let defined: Set<string> | null = null;
    return {
      async plan(ctx, rows) {
        const plan: Plan = { errors: [], duplicates: new Set() };
        defined ??= new Set((await ctx.db.selectFrom('category_defs').select('name').execute()).map((r) => r.name));
        const categories = defined;
        const mismatches = await resolvePeople(ctx, bulkRows(rows), cache);
        const known = new Set<string>();
        for (const r of rows) {
          const id = cache.get(r.input.idNumber)?.id;
          if (id) known.add(id);
        }
        const links = await existingLinks(ctx, Array.from(known));
        rows.forEach((r, i) => {
          const unknown = (r.input.categories ?? []).filter((c) => !categories.has(c));
          if (unknown.length) return void plan.errors.push({ row: r.row, ...name('categories'), message: `人员类别“${unknown.join('、')}”未定义，请先在人员类别中添加` });
          const mismatch = mismatches.get(i);
          if (mismatch) return void plan.errors.push({ row: r.row, ...name('name'), message: mismatch });
          const personId = cache.get(r.input.idNumber)?.id;
          if (seen.has(r.input.idNumber) || (personId && links.has(`${personId}|${r.orgId}`))) plan.duplicates.add(r.row);
          seen.add(r.input.idNumber);
        });
        return plan;
      },
      async write(tx, rows, batchId) {
        await registerPeople(tx, bulkRows(rows), cache, batchId);
      },
      finish: async () => [],
    };
  },
};
