import { Button, Flex, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { roleLabels } from '../../../../../src/domain/roles';
import { showInstant } from '../../../ui/dates';
import type { User } from '../api';

interface Props {
  rows: User[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  selfId: string;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (u: User) => void;
  onToggle: (u: User) => Promise<void>;
  onReset: (u: User) => Promise<void>;
}

export function UsersTable({ rows, total, page, pageSize, loading, selfId, onPage, onEdit, onToggle, onReset }: Props) {
  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 130, fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    {
      title: '角色与单位',
      dataIndex: 'grants',
      width: 300,
      render: (_v, u) =>
        u.grants.length
          ? u.grants.map((g, i) => (
              <Tag key={i} color={g.role === 'sysadmin' ? 'red' : 'blue'} style={{ marginBottom: 4, marginInlineEnd: 6 }}>
                {roleLabels[g.role] ?? g.role}
                {g.orgId ? ` · ${g.orgName ?? g.orgCode ?? ''}` : ' · 全局'}
              </Tag>
            ))
          : '—',
    },
    {
      title: '状态',
      dataIndex: 'disabled',
      width: 80,
      render: (d: boolean) => (d ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => (v ? showInstant(v) : '从未登录') },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_v, u) => (
        <Flex gap={4} wrap>
          <Button size="small" type="link" onClick={() => onEdit(u)}>
            编辑
          </Button>
          {u.id === selfId ? null : (
            <Popconfirm
              title={u.disabled ? `启用 ${u.displayName} 的账号？` : `停用 ${u.displayName} 的账号？停用后该账号立即无法登录。`}
              okText={u.disabled ? '启用' : '停用'}
              cancelText="取消"
              onConfirm={() => onToggle(u)}
            >
              <Button size="small" type="link" danger={!u.disabled}>
                {u.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
          )}
          {u.id === selfId ? null : (
            <Popconfirm title={`为 ${u.displayName} 生成新的随机密码？原密码将失效。`} okText="重置" cancelText="取消" onConfirm={() => onReset(u)}>
              <Button size="small" type="link">
                重置密码
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <div data-testid="users-table">
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 1010 }}
        locale={{ emptyText: '没有符合条件的用户' }}
        pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (t) => `共 ${t} 个用户`, onChange: onPage }}
      />
    </div>
  );
}
