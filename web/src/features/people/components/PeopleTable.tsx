import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { showDate } from '../../../ui/dates';
import type { PersonRow } from '../api';

const columns: TableColumnsType<PersonRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    fixed: 'left',
    width: 96,
    render: (name: string, row) => <Link to={`/people/${row.id}`}>{name}</Link>,
  },
  {
    title: '身份证号',
    dataIndex: 'idNumber',
    width: 190,
    render: (v: string) => (
      <span data-testid="person-id-number" style={{ fontFamily: 'monospace' }}>
        {v}
      </span>
    ),
  },
  { title: '性别', dataIndex: 'gender', width: 60, render: (v: string | null) => v ?? '—' },
  { title: '出生日期', dataIndex: 'birthDate', width: 130, render: (v: string | null) => showDate(v) },
  { title: '联系电话', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
  {
    title: '人员类别',
    dataIndex: 'categories',
    width: 220,
    render: (cats: string[]) => (cats.length ? cats.map((c) => <Tag key={c} style={{ marginInlineEnd: 4 }}>{c}</Tag>) : '—'),
  },
  { title: '所属单位', dataIndex: 'orgName', width: 180, render: (v: string | null) => v ?? '—' },
];

interface Props {
  rows: PersonRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function PeopleTable({ rows, total, page, pageSize, loading, onPage }: Props) {
  return (
    <div data-testid="people-table">
      <Table<PersonRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '没有符合条件的人员' }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 人`,
          onChange: onPage,
        }}
      />
    </div>
  );
}
