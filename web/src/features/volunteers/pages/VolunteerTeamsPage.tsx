import { Button, Form, Input, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { FormModal } from '../../../ui/FormModal';
import { PageHeader } from '../../../ui/PageHeader';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { exportUrl } from '../../ledgers/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { createTeam, listTeams, type Team } from '../api';
import { TeamDrawer } from '../components/TeamDrawer';

const columns: TableColumnsType<Team> = [
  { title: '队伍', dataIndex: 'name', width: 200 },
  { title: '所属单位', dataIndex: 'orgName', width: 180 },
  { title: '队员', dataIndex: 'memberCount', width: 80, align: 'right' },
  { title: '已确认服务时长（小时）', dataIndex: 'confirmedHours', width: 180, align: 'right' },
  { title: '简介', dataIndex: 'description' },
];

/** 志愿服务: teams, their members and confirmed service hours. */
export function VolunteerTeamsPage() {
  const list = useListParams();
  const { can } = useAuth();
  const query = { orgId: list.orgId, q: list.get('q'), page: list.page, pageSize: list.pageSize };
  const { data, loading, reload } = useRequest(() => listTeams(query), [JSON.stringify(query)]);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Team | null>(null);
  return (
    <>
      <PageHeader
        title="志愿服务"
        sub="志愿服务队、队员与服务时长（组织者确认后计入）"
        extra={
          <>
            <Button href={exportUrl('/volunteer-services', { orgId: list.orgId })} data-testid="volunteer-services-export">
              导出服务记录 Excel
            </Button>
            {can('ledger.write') ? <Button type="primary" onClick={() => setCreating(true)}>新建队伍</Button> : null}
          </>
        }
      />
      <Table<Team>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 800 }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '暂无志愿服务队' }}
        pagination={{ current: list.page, pageSize: list.pageSize, total: data?.total ?? 0, showTotal: (t) => `共 ${t} 支`, onChange: (p) => list.update({ page: p > 1 ? String(p) : undefined }) }}
      />
      <FormModal<{ orgId?: string; name: string; description?: string }>
        open={creating}
        title="新建志愿服务队"
        onClose={() => setCreating(false)}
        fields={['orgId', 'name', 'description']}
        onSubmit={async (v) => {
          await createTeam(v);
          setCreating(false);
          reload();
        }}
      >
        <Form.Item name="orgId" label="所属单位" extra="不选则为本人所在单位"><OrgPicker /></Form.Item>
        <Form.Item name="name" label="队伍名称" rules={[{ required: true, message: '请填写队伍名称' }]}><Input maxLength={50} placeholder="如 萤火虫志愿者服务队" /></Form.Item>
        <Form.Item name="description" label="简介"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </FormModal>
      <TeamDrawer team={open} canWrite={can('ledger.write')} onClose={() => setOpen(null)} onChanged={reload} />
    </>
  );
}
