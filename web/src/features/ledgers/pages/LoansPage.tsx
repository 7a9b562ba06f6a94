import { Select } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { loanStatuses } from '../../../../../src/domain/ledgers/catalogs';
import { showDate } from '../../../ui/dates';
import { selectProps } from '../../../ui/ListFilters';
import { useListParams } from '../../../ui/use-list-params';
import type { Loan } from '../api';
import { LedgerList } from '../components/LedgerList';
import { LoanStatusTag } from '../components/LoanStatusTag';
import { yuanText } from '../components/money';

const columns: TableColumnsType<Loan> = [
  { title: '借款人', dataIndex: 'personName', fixed: 'left', width: 90, render: (v: string | null, r) => <Link to={`/loans/${r.id}`}>{v ?? '—'}</Link> },
  { title: '身份证号', dataIndex: 'personIdNumber', width: 170, render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
  { title: '贷款金额（万元）', dataIndex: 'principalWan', width: 120, align: 'right' },
  { title: '贷款银行', dataIndex: 'bank', width: 110, render: (v: string | null) => v ?? '—' },
  { title: '放款日期', dataIndex: 'disbursedOn', width: 110, render: (v: string | null) => showDate(v) },
  { title: '到期日期', dataIndex: 'dueOn', width: 110, render: (v: string | null) => showDate(v) },
  { title: '贴息（元）', dataIndex: 'subsidyYuan', width: 100, align: 'right', render: (v: string | null) => yuanText(v) },
  { title: '状态', dataIndex: 'status', width: 80, render: (v: Loan['status']) => <LoanStatusTag status={v} /> },
  { title: '所属单位', dataIndex: 'orgName', width: 150, render: (v: string | null) => v ?? '—' },
];

export function LoansPage() {
  const list = useListParams(['status']);
  return (
    <LedgerList
      ledger="loans"
      title="妇女小额贷款"
      list={list}
      columns={columns}
      countUnit="笔"
      scrollX={1040}
      searchPlaceholder="借款人姓名或完整身份证号"
      filters={<Select data-testid="filter-status" {...selectProps(list, 'status', '全部状态', loanStatuses)} />}
    />
  );
}
