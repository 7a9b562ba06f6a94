import type { PersonInput } from '../../../../domain/person';
import { phoneOrNull } from './phone';
import { ensurePeople } from '../../people/people.bulk';
import type { KindWriter, Plan } from './types';

const bulkRows = (rows: Parameters<KindWriter<PersonInput>['write']>[1]) =>
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
  async plan(ctx, rows, name) {
    const plan: Plan = { errors: [], duplicates: new Set() };
    const defined = new Set((await ctx.db.selectFrom('category_defs').select('name').execute()).map((r) => r.name));
    const found = await ensurePeople(ctx, bulkRows(rows), null, { dryRun: true });
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const unknown = (r.input.categories ?? []).filter((c) => !defined.has(c));
      if (unknown.length) return void plan.errors.push({ row: r.row, ...name('categories'), message: `人员类别“${unknown.join('、')}”未定义，请先在人员类别中添加` });
      const mismatch = found.errors.get(i);
      if (mismatch) return void plan.errors.push({ row: r.row, ...name('name'), message: mismatch });
      const personId = found.ids.get(r.input.idNumber);
      if (seen.has(r.input.idNumber) || (personId && found.knownLinks.has(`${personId}|${r.orgId}`))) plan.duplicates.add(r.row);
      seen.add(r.input.idNumber);
    });
    return plan;
  },
  async write(tx, rows, batchId) {
    const result = await ensurePeople(tx, bulkRows(rows), batchId);
    return { written: rows.length, warnings: result.errors.size ? [`${result.errors.size} 行姓名与身份证号不一致，未写入`] : [] };
  },
};
