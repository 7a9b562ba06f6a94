import { Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { assistancePrograms } from '../../../../../src/domain/ledgers/catalogs';
import { fenToYuan } from '../../../../../src/domain/money';
import { showDate } from '../../../ui/dates';
import { ListFilters } from '../../../ui/ListFilters';
import { PageHeader } from '../../../ui/PageHeader';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { exportUrl } from '../../ledgers/api';
import { CatalogSelect } from '../../ledgers/components/CatalogSelect';
import { listDuplicates, type DuplicateGroup } from '../api';

const amount = (r: DuplicateGroup['records'][number]) => r.amountYuan ?? (r.amountFen === null ? null : fenToYuan(r.amountFen));

const columns: TableColumnsType<DuplicateGroup> = [
  { title: '姓名', dataIndex: 'personName', width: 100, fixed: 'left', render: (v: string, r) => <Link to={`/people/${r.personId}`}>{v}</Link> },
  { title: '身份证号', dataIndex: 'personIdNumber', width: 190, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
  { title: '帮扶项目', dataIndex: 'program', width: 110, render: (v: string) => <Tag color="orange">{v}</Tag> },
  {
    title: '各单位的帮扶记录',
    key: 'records',
    render: (_: unknown, g) => (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {g.records.map((r) => (
          <li key={r.id}>
            <Link to={`/assistance/${r.id}`}>
              {r.orgName ?? '—'} · {showDate(r.givenOn)}
              {amount(r) ? ` · ${amount(r)} 元` : ''}
            </Link>
          </li>
        ))}
      </ul>
    ),
  },
];

/** 重复帮扶预警: the same person helped under the same program in the same period by two or more units. */
export function DuplicateAssistancePage() {
  const list = useListParams(['program']);
  const key = JSON.stringify(list.query);
  const { data, loading } = useRequest(() => listDuplicates(list.query), [key]);
  return (
    <>
      <PageHeader
        title="重复帮扶预警"
        sub="同一人在同一期间、同一项目下被两个及以上单位帮扶"
        extra={
          <Button href={exportUrl('/checks/duplicate-assistance', list.query)} data-testid="duplicates-export">
            导出 Excel
          </Button>
        }
      />
      <ListFilters list={list}>
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
      </ListFilters>
      <div data-testid="duplicates-table">
        <Table<DuplicateGroup>
          rowKey={(g) => `${g.personId}-${g.program}`}
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 800 }}
          locale={{ emptyText: '未发现重复帮扶' }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: data?.total ?? 0,
            showTotal: (t) => `共 ${t} 人次`,
            onChange: (p, size) => list.update({ page: p > 1 ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined }),
          }}
        />
      </div>
    </>
  );
}
