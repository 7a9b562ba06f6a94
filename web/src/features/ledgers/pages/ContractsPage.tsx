import { Select } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { contractTypes } from '../../../../../src/domain/ledgers/catalogs';
import { showDate } from '../../../ui/dates';
import { selectProps } from '../../../ui/ListFilters';
import { useListParams } from '../../../ui/use-list-params';
import type { Contract } from '../api';
import { LedgerList } from '../components/LedgerList';

const columns: TableColumnsType<Contract> = [
  { title: '企业名称', dataIndex: 'enterprise', fixed: 'left', width: 200, render: (v: string, r) => <Link to={`/contracts/${r.id}`}>{v}</Link> },
  { title: '合同类型', dataIndex: 'type', width: 110 },
  { title: '签订日期', dataIndex: 'signedOn', width: 130, render: (v: string) => showDate(v) },
  { title: '到期日期', dataIndex: 'expiresOn', width: 130, render: (v: string | null) => showDate(v) },
  { title: '覆盖职工人数', dataIndex: 'workers', width: 120, align: 'right' },
  { title: '所属单位', dataIndex: 'orgName', width: 160, render: (v: string | null) => v ?? '—' },
];

export function ContractsPage() {
  const list = useListParams(['type']);
  return (
    <LedgerList
      ledger="contracts"
      title="集体合同"
      list={list}
      columns={columns}
      countUnit="份"
      scrollX={850}
      searchPlaceholder="企业名称"
      filters={<Select data-testid="filter-type" {...selectProps(list, 'type', '全部类型', contractTypes)} />}
    />
  );
}
