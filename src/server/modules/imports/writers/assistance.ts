import { newId } from '../../../../domain/ids';
import type { AssistanceInput } from '../../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../../domain/ledgers/natural-keys';
import { findDuplicateAssistance, soleHouseholdsOf } from '../../assistance/assistance.service';
import { personLedgerWriter } from './common';

const warningsShown = 50;
const peoplePerLookup = 500;

interface Written {
  row: number;
  personId: string;
  name: string;
  program: string;
  givenOn: string;
  orgId: string;
}

export const assistanceWriter = personLedgerWriter<AssistanceInput, Written>({
  table: 'assistance',
  key: (a, personId, orgId) => naturalKeys.assistance({ personId, program: a.program, givenOn: a.givenOn, amountFen: a.amountYuan ?? 0, orgId }),
  row: (a, personId, orgId, naturalKey, s) => ({
    id: newId(),
    org_id: orgId,
    person_id: personId,
    household_id: null,
    program: a.program,
    form: a.form,
    amount_fen: a.amountYuan ?? 0,
    goods: a.goods ?? null,
    given_on: a.givenOn,
    funder: a.funder ?? null,
    note: a.note ?? null,
    natural_key: naturalKey,
    batch_id: s.batchId,
    created_by: s.createdBy,
    created_at: s.now,
    updated_at: s.now,
    deleted_at: null,
    delete_reason: null,
  }),
  // as at entry: the help counts for the person's household when they belong to exactly one
  async complete(tx, values) {
    const households = await soleHouseholdsOf(tx, values.map((v) => v.person_id as string));
    for (const v of values) v.household_id = households.get(v.person_id as string) ?? null;
  },
  // 重复帮扶预警: a warning, never an error (the ledger engineer's check, as at entry time), over
  // all the rows written, once they are all written
  warnings: {
    keep: (r, personId) => ({ row: r.row, personId, name: r.input.name ?? '', program: r.input.program, givenOn: r.input.givenOn, orgId: r.orgId }),
    async report(tx, written) {
      // 500 people's rows at a time (one look-up each), so a 200k-row file never holds every record found
      const byPerson = new Map<string, number[]>();
      written.forEach((w, i) => {
        const rows = byPerson.get(w.personId);
        if (rows) rows.push(i);
        else byPerson.set(w.personId, [i]);
      });
      const people = Array.from(byPerson.values());
      const lines = new Map<number, string>();
      for (let p = 0; p < people.length; p += peoplePerLookup) {
        const slice = people.slice(p, p + peoplePerLookup).flat();
        const others = await findDuplicateAssistance(tx, slice.map((i) => written[i]));
        slice.forEach((i, k) => {
          if (!others[k].length) return;
          const w = written[i];
          const units = Array.from(new Set(others[k].map((o) => o.orgName))).join('、');
          lines.set(i, `第 ${w.row} 行（重复帮扶预警）：${w.name} ${w.givenOn.slice(0, 4)} 年已在 ${units} 获得“${w.program}”帮扶`);
        });
      }
      const ordered = Array.from(lines.keys()).sort((a, b) => a - b).map((i) => lines.get(i) as string);
      return ordered.length > warningsShown ? [...ordered.slice(0, warningsShown), `……另有 ${ordered.length - warningsShown} 行重复帮扶预警`] : ordered;
    },
  },
});
