import { newId } from '../../../../domain/ids';
import type { AssistanceInput } from '../../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../../domain/ledgers/natural-keys';
import { findDuplicateAssistance, soleHouseholdsOf } from '../../assistance/assistance.service';
import { personLedgerWriter } from './common';

const warningsShown = 50;

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
      const others = await findDuplicateAssistance(tx, written);
      const lines = written.flatMap((w, i) => {
        if (!others[i].length) return [];
        const units = Array.from(new Set(others[i].map((o) => o.orgName))).join('、');
        return [`第 ${w.row} 行（重复帮扶预警）：${w.name} ${w.givenOn.slice(0, 4)} 年已在 ${units} 获得“${w.program}”帮扶`];
      });
      return lines.length > warningsShown ? [...lines.slice(0, warningsShown), `……另有 ${lines.length - warningsShown} 行重复帮扶预警`] : lines;
    },
  },
});
