import { Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { showInstant } from '../../../ui/dates';
import { ListFilters } from '../../../ui/ListFilters';
import { ExportButton } from '../../../ui/ExportButton';
import { PageHeader } from '../../../ui/PageHeader';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { householdsExportUrl, listHouseholds, type HouseholdRow } from '../api';

const columns: TableColumnsType<HouseholdRow> = [
  { title: '户名', dataIndex: 'name', fixed: 'left', width: 120, render: (name: string, row) => <Link to={`/households/${row.id}`}>{name}</Link> },
  { title: '户主', dataIndex: 'headName', width: 96, render: (v: string | null) => v ?? '—' },
  { title: '成员数', dataIndex: 'memberCount', width: 80, align: 'right' },
  {
    title: '家庭类别',
    dataIndex: 'categories',
    width: 220,
    render: (cats: string[]) => (cats.length ? cats.map((c) => <Tag key={c} style={{ marginInlineEnd: 4 }}>{c}</Tag>) : '—'),
  },
  { title: '所属单位', dataIndex: 'orgName', width: 180, render: (v: string | null) => v ?? '—' },
  { title: '最后修改', dataIndex: 'updatedAt', width: 170, render: (v: string) => showInstant(v) },
];

/** 家庭 list: unit (from the side tree or the picker) and 户名 search in the URL; 导出 Excel of the unit. */
export function HouseholdsListPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useListParams();
  const query = { orgId: list.orgId, q: list.get('q'), page: list.page, pageSize: list.pageSize };
  const { data, loading } = useRequest(() => listHouseholds(query), [JSON.stringify(query)]);

  return (
    <>
      <PageHeader
        title="家庭管理"
        extra={
          <>
            <ExportButton href={householdsExportUrl(list.orgId)} testId="households-export" />
            {can('person.write') ? (
              <Button type="primary" data-testid="households-new" onClick={() => navigate('/households/new')}>
                新增家庭
              </Button>
            ) : null}
          </>
        }
      />
      <ListFilters list={list} period={false} searchPlaceholder="输入户名查找" />
      <div data-testid="households-table">
        <Table<HouseholdRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 880 }}
          locale={{ emptyText: '没有符合条件的家庭' }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t} 户`,
            onChange: (p, size) => list.update({ page: p > 1 ? String(p) : undefined, pageSize: size !== 20 ? String(size) : undefined }),
          }}
        />
      </div>
    </>
  );
}
