import { Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { assistanceForms, assistancePrograms } from '../../../../../src/domain/ledgers/catalogs';
import { showDate } from '../../../ui/dates';
import { selectProps } from '../../../ui/ListFilters';
import { useListParams } from '../../../ui/use-list-params';
import type { Assistance } from '../api';
import { CatalogSelect } from '../components/CatalogSelect';
import { LedgerList } from '../components/LedgerList';
import { yuanText } from '../components/money';

const columns: TableColumnsType<Assistance> = [
  {
    title: '帮扶对象',
    dataIndex: 'personName',
    fixed: 'left',
    width: 110,
    render: (v: string | null, r) => <Link to={`/assistance/${r.id}`}>{v ?? (r.householdId ? '（家庭）' : '—')}</Link>,
  },
  { title: '身份证号', dataIndex: 'personIdNumber', width: 170, render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
  { title: '帮扶项目', dataIndex: 'program', width: 110, render: (v: string) => <Tag>{v}</Tag> },
  { title: '形式', dataIndex: 'form', width: 70 },
  { title: '金额（元）', dataIndex: 'amountYuan', width: 110, align: 'right', render: (v: string | null) => yuanText(v) },
  { title: '物资', dataIndex: 'goods', width: 110, render: (v: string | null) => v ?? '—' },
  { title: '日期', dataIndex: 'givenOn', width: 110, render: (v: string) => showDate(v) },
  { title: '资金来源', dataIndex: 'funder', width: 100, render: (v: string | null) => v ?? '—' },
  { title: '帮扶单位', dataIndex: 'orgName', width: 150, render: (v: string | null) => v ?? '—' },
];

export function AssistancePage() {
  const list = useListParams(['program', 'form']);
  return (
    <LedgerList
      ledger="assistance"
      title="帮扶救助台账"
      list={list}
      columns={columns}
      countUnit="条"
      scrollX={1040}
      searchPlaceholder="姓名或完整身份证号"
      filters={
        <>
          <CatalogSelect
            testId="filter-program"
            catalog="assistance_program"
            builtins={assistancePrograms}
            orgId={list.orgId}
            placeholder="全部项目"
            value={list.get('program')}
            onChange={(v) => list.update({ program: v })}
            style={{ width: 150, maxWidth: '100%' }}
          />
          <Select data-testid="filter-form" {...selectProps(list, 'form', '全部形式', assistanceForms)} />
        </>
      }
    />
  );
}
