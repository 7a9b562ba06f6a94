import { useLocation, useParams } from 'react-router-dom';
import { NotFound, PageLoading } from '../../../ui/states';
import { useRequest } from '../../../ui/use-request';
import { getRecord, type Activity, type Assistance, type Contract, type DuplicateWarning, type LedgerName, type Loan } from '../api';
import { activityItems, assistanceItems, contractItems, loanItems } from '../components/detail-items';
import { DuplicateAlert } from '../components/DuplicateAlert';
import { LedgerDetail } from '../components/LedgerDetail';
import { LoanPanel } from '../components/LoanPanel';

/** One detail page for the four ledgers; loans add status actions and repayments. */
export function LedgerDetailPage({ ledger }: { ledger: LedgerName }) {
  const { id = '' } = useParams();
  const state = useLocation().state as { warnings?: DuplicateWarning[] } | null;
  const { data, loading, error, reload } = useRequest(() => getRecord(ledger, id), [ledger, id]);
  if (loading && !data) return <PageLoading />;
  if (!data || error) return <NotFound />;

  switch (ledger) {
    case 'activities': {
      const a = data as Activity;
      return <LedgerDetail ledger={ledger} record={a} title={a.name} items={activityItems(a)} />;
    }
    case 'assistance': {
      const a = data as Assistance;
      const warnings = state?.warnings ?? a.warnings ?? [];
      return (
        <LedgerDetail
          ledger={ledger}
          record={a}
          title={`帮扶记录：${a.personName ?? '家庭'} · ${a.program}`}
          items={assistanceItems(a)}
          notice={<DuplicateAlert warnings={warnings} />}
        />
      );
    }
    case 'loans': {
      const l = data as Loan;
      return (
        <LedgerDetail ledger={ledger} record={l} title={`贷款：${l.personName ?? '—'} · ${l.principalWan} 万元`} items={loanItems(l)}>
          <LoanPanel loan={l} onChanged={reload} />
        </LedgerDetail>
      );
    }
    case 'contracts': {
      const c = data as Contract;
      return <LedgerDetail ledger={ledger} record={c} title={c.enterprise} items={contractItems(c)} />;
    }
  }
}
