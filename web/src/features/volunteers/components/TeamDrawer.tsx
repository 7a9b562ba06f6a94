import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { dateFieldProps, datePickerFormats, showDate, today } from '../../../ui/dates';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { exportUrl } from '../../ledgers/api';
import { PersonSelect } from '../../wishes/components/PersonSelect';
import { addMember, confirmService, createService, listMembers, listServices, type Team, volunteerHours } from '../api';

function HoursOf({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const { data } = useRequest(() => volunteerHours(personId as string), [personId], Boolean(personId));
  return (
    <Modal open={Boolean(personId)} title="志愿服务时长" footer={null} onCancel={onClose} destroyOnHidden>
      {data ? (
        <>
          <p>已确认 {data.confirmedHours} 小时，待确认 {data.pendingHours} 小时</p>
          <Table size="small" pagination={false} rowKey={(r) => `${r.year}-${r.teamId}`} dataSource={data.byTeamYear} columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '队伍', dataIndex: 'teamName' },
            { title: '已确认（小时）', dataIndex: 'confirmedHours' },
            { title: '待确认（小时）', dataIndex: 'pendingHours' },
          ]} />
        </>
      ) : null}
    </Modal>
  );
}

/** A team: members (each with a link to their hour summary), service records, logging and confirming hours. */
export function TeamDrawer({ team, canWrite, onClose, onChanged }: { team: Team | null; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const id = team?.id ?? '';
  const members = useRequest(() => listMembers(id), [id], Boolean(team));
  const services = useRequest(() => listServices({ teamId: id, pageSize: 100 }), [id], Boolean(team));
  const [hoursOf, setHoursOf] = useState<string | null>(null);
  const [memberForm] = Form.useForm<{ personId: string; joinedOn?: string }>();
  const [serviceForm] = Form.useForm<{ personId: string; servedOn: string; hours: number; activity: string }>();
  const showError = useApiError();
  const { message } = App.useApp();
  const refresh = (text: string) => {
    message.success(text);
    members.reload();
    services.reload();
    onChanged();
  };
  return (
    <Drawer open={Boolean(team)} onClose={onClose} title={team?.name} size="large" destroyOnHidden>
      <Tabs items={[
        {
          key: 'members',
          label: `队员 ${members.data?.items.length ?? ''}`,
          children: (
            <Flex vertical gap={12}>
              {canWrite ? (
                <Form form={memberForm} layout="inline" onFinish={(v) => void addMember(id, v).then(() => (memberForm.resetFields(), refresh('已加入')), showError)}>
                  <Form.Item name="personId" rules={[{ required: true, message: '请选择人员' }]}><PersonSelect style={{ width: 260 }} /></Form.Item>
                  <Form.Item name="joinedOn" {...dateFieldProps}><DatePicker format={datePickerFormats} placeholder="加入日期" /></Form.Item>
                  <Button type="primary" htmlType="submit">加入队伍</Button>
                </Form>
              ) : null}
              <Flex justify="flex-end">
                <Button size="small" href={`/api/v1/volunteer-teams/${encodeURIComponent(id)}/members/export`} data-testid="team-members-export">导出队员服务时长</Button>
              </Flex>
              <Table size="small" rowKey="personId" pagination={false} dataSource={members.data?.items ?? []} loading={members.loading} columns={[
                { title: '姓名', dataIndex: 'name', render: (v: string, r) => <Button type="link" size="small" onClick={() => setHoursOf(r.personId)}>{v}</Button> },
                { title: '手机', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
                { title: '加入日期', dataIndex: 'joinedOn', render: showDate },
                { title: '已确认时长（小时）', dataIndex: 'confirmedHours' },
              ]} />
            </Flex>
          ),
        },
        {
          key: 'services',
          label: '服务记录',
          children: (
            <Flex vertical gap={12}>
              {canWrite ? (
                <Form form={serviceForm} layout="inline" initialValues={{ servedOn: today() }} onFinish={(v) => void createService({ teamId: id, ...v }).then(() => (serviceForm.resetFields(['hours', 'activity']), refresh('已登记，待确认')), showError)}>
                  <Form.Item name="personId" rules={[{ required: true, message: '请选择队员' }]}>
                    <Select style={{ width: 140 }} placeholder="队员" options={(members.data?.items ?? []).map((m) => ({ value: m.personId, label: m.name }))} />
                  </Form.Item>
                  <Form.Item name="servedOn" {...dateFieldProps} rules={[{ required: true }]}><DatePicker format={datePickerFormats} /></Form.Item>
                  <Form.Item name="hours" rules={[{ required: true, message: '时长' }]}><InputNumber min={0.1} max={24} step={0.5} precision={1} placeholder="小时" /></Form.Item>
                  <Form.Item name="activity" rules={[{ required: true, message: '请填写服务内容' }]}><Input placeholder="服务内容" maxLength={100} /></Form.Item>
                  <Button type="primary" htmlType="submit">登记服务</Button>
                </Form>
              ) : null}
              <Flex justify="space-between" align="center" wrap gap={8}>
                <span>已确认合计 {services.data?.confirmedHours ?? 0} 小时</span>
                <Button size="small" href={exportUrl('/volunteer-services', { teamId: id })} data-testid="team-services-export">导出 Excel</Button>
              </Flex>
              <Table size="small" rowKey="id" pagination={false} dataSource={services.data?.items ?? []} loading={services.loading} columns={[
                { title: '日期', dataIndex: 'servedOn', render: showDate },
                { title: '队员', dataIndex: 'personName' },
                { title: '内容', dataIndex: 'activity' },
                { title: '时长', dataIndex: 'hours' },
                { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => (r.status === 'pending' && canWrite ? <Button size="small" onClick={() => void confirmService(r.id).then(() => refresh('已确认'), showError)}>确认</Button> : <Tag color={r.status === 'confirmed' ? 'green' : 'orange'}>{v}</Tag>) },
              ]} />
            </Flex>
          ),
        },
      ]} />
      <HoursOf personId={hoursOf} onClose={() => setHoursOf(null)} />
    </Drawer>
  );
}
