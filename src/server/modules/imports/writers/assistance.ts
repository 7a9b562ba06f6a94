import { newId } from '../../../../domain/ids';
import type { AssistanceInput } from '../../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../../domain/ledgers/natural-keys';
import { findDuplicateAssistance, soleHouseholdsOf } from '../../assistance/assistance.service';
import { personLedgerWriter } from './common';

const warningsShown = 50;

export const assistanceWriter = personLedgerWriter<AssistanceInput>({
  table: 'assistance',
  key: (a, personId, orgId) => naturalKeys.assistance({ personId, program: a.program, givenOn: a.givenOn, amountFen: a.amountYuan ?? 0, orgId }),
  row: (a, personId, orgId) => ({
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
  }),
  // as at entry: the help counts for the person's household when they belong to exactly one
  async complete(tx, values) {
    const households = await soleHouseholdsOf(tx, values.map((v) => v.person_id as string));
    for (const v of values) v.household_id = households.get(v.person_id as string) ?? null;
  },
  // 重复帮扶预警: a warning, never an error (the ledger engineer's check, as at entry time)
  async warn(tx, written) {
    const others = await findDuplicateAssistance(tx, written.map((w) => ({ personId: w.personId, program: w.input.program, givenOn: w.input.givenOn, orgId: w.orgId })));
    const lines = written.flatMap((w, i) => {
      if (!others[i].length) return [];
      const units = Array.from(new Set(others[i].map((o) => o.orgName))).join('、');
      return [`第 ${w.row} 行（重复帮扶预警）：${w.input.name ?? ''} ${w.input.givenOn.slice(0, 4)} 年已在 ${units} 获得“${w.input.program}”帮扶`];
    });
    return lines.length > warningsShown ? [...lines.slice(0, warningsShown), `……另有 ${lines.length - warningsShown} 行重复帮扶预警`] : lines;
  },
});
