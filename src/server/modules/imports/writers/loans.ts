import { newId } from '../../../../domain/ids';
import type { LoanInput } from '../../../../domain/ledgers/inputs';
import { addMonths } from '../../../../domain/ledgers/loans';
import { naturalKeys } from '../../../../domain/ledgers/natural-keys';
import { ledgerStamp, personLedgerWriter } from './common';

export const loansWriter = personLedgerWriter<LoanInput>({
  table: 'loans',
  key: (l, personId) => naturalKeys.loan({ personId, principalFen: l.principalWan, disbursedOn: l.disbursedOn ?? null }),
  row: (l, personId, orgId, naturalKey, stamp) => ({
    id: newId(),
    org_id: orgId,
    person_id: personId,
    product_id: null,
    bank: l.bank ?? null,
    principal_fen: l.principalWan,
    term_months: l.termMonths ?? null,
    rate_bp: l.ratePct === undefined || l.ratePct === null ? null : Math.round(l.ratePct * 100),
    subsidy_pct: l.subsidyPct ?? null,
    disbursed_on: l.disbursedOn ?? null,
    due_on: l.dueOn ?? (l.disbursedOn && l.termMonths ? addMonths(l.disbursedOn, l.termMonths) : null),
    subsidy_fen: l.subsidyYuan ?? 0,
    venture: l.venture ?? null,
    status: l.status ?? (l.disbursedOn ? '已放款' : '申请中'),
    note: l.note ?? null,
    ...ledgerStamp(stamp, naturalKey),
  }),
});
