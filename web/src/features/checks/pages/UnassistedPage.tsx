import { DatePicker, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { showDate, thisYear } from '../../../ui/dates';
import { ListFilters } from '../../../ui/ListFilters';
import { ExportButton } from '../../../ui/ExportButton';
import { PageHeader } from '../../../ui/PageHeader';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { exportUrl } from '../../ledgers/api';
import { CategorySelect } from '../../people/components/CategorySelect';
import { listUnassisted, type UnassistedPerson } from '../api';

const columns: TableColumnsType<UnassistedPerson> = [
  { title: '姓名', dataIndex: 'name', width: 100, fixed: 'left', render: (v: string, r) => <Link to={`/people/${r.personId}`}>{v}</Link> },
  { title: '身份证号', dataIndex: 'idNumber', width: 190, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
  { title: '性别', dataIndex: 'gender', width: 60, render: (v?: string | null) => v || '—' },
  { title: '出生日期', dataIndex: 'birthDate', width: 130, render: (v?: string | null) => showDate(v) },
  { title: '联系电话', dataIndex: 'phone', width: 130, render: (v?: string | null) => v ?? '—' },
];

/** 未帮扶: people of a category known to the subtree with no assistance record in the year. */
export function UnassistedPage() {
  const list = useListParams();
  const category = list.get('category') ?? '困难职工';
  const year = list.get('year') ?? String(thisYear());
  const query = { category, year, orgId: list.orgId, page: list.page, pageSize: list.pageSize };
  const { data, loading } = useRequest(() => listUnassisted(query), [JSON.stringify(query)]);
  return (
    <>
      <PageHeader
        title="未帮扶人员"
        sub={`${year} 年内没有任何帮扶记录的${category}`}
        extra={<ExportButton href={exportUrl('/checks/unassisted', query)} testId="unassisted-export" />}
      />
      <ListFilters list={list} period={false}>
        <CategorySelect value={category} onChange={(v) => list.update({ category: typeof v === 'string' ? v : undefined })} placeholder="人员类别" style={{ width: 160, maxWidth: '100%' }} />
        <DatePicker
          picker="year"
          allowClear={false}
          inputReadOnly
          value={dayjs(`${year}-01-01`)}
          format="YYYY年"
          onChange={(d) => list.update({ year: d ? d.format('YYYY') : undefined })}
          style={{ width: 120 }}
          data-testid="filter-year"
        />
      </ListFilters>
      <div data-testid="unassisted-table">
        <Table<UnassistedPerson>
          rowKey="personId"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 640 }}
          locale={{ emptyText: '没有未帮扶的人员' }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: data?.total ?? 0,
            showTotal: (t) => `共 ${t} 人`,
            onChange: (p, size) => list.update({ page: p > 1 ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined }),
          }}
        />
      </div>
    </>
  );
}
