import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { contactKinds } from '../../../../../src/domain/pairings/kinds';
import { dateFieldProps, datePickerFormats, showDate, today } from '../../../ui/dates';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { addVisit, getPairing, updatePairing } from '../api';
import { stateColors } from './state';

/** One pairing: the commitment and its state, the visits, logging a visit, ending the pairing. */
export function PairingDrawer({ id, canWrite, onClose, onChanged }: { id: string | null; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const { data: p, reload } = useRequest(() => getPairing(id as string), [id], Boolean(id));
  const [visitForm] = Form.useForm<{ visitedOn: string; kind: string; note?: string }>();
  const [endForm] = Form.useForm<{ endedOn: string; endReason: string }>();
  const showError = useApiError();
  const { message } = App.useApp();
  const done = (text: string) => {
    message.success(text);
    reload();
    onChanged();
  };
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={p ? `${p.helperName} — ${p.helpedName}` : '结对'} size="large" destroyOnHidden>
      {p ? (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="状态"><Tag color={stateColors[p.state]}>{p.stateLabel}</Tag></Descriptions.Item>
            <Descriptions.Item label="帮扶方">{`${p.helperName}（${p.helperRole}）`}</Descriptions.Item>
            <Descriptions.Item label="受助方">{`${p.helpedName}（${p.helpedRole}）`}</Descriptions.Item>
            <Descriptions.Item label="联系承诺">{p.commitmentLabel}</Descriptions.Item>
            <Descriptions.Item label="结对日期">{showDate(p.startedOn)}</Descriptions.Item>
            <Descriptions.Item label="最近联系">{showDate(p.lastVisitOn)}</Descriptions.Item>
            <Descriptions.Item label="下次应联系">{showDate(p.nextDueOn)}</Descriptions.Item>
            {p.endedOn ? <Descriptions.Item label="结束">{`${showDate(p.endedOn)}：${p.endReason ?? ''}`}</Descriptions.Item> : null}
            <Descriptions.Item label="单位">{p.orgName}</Descriptions.Item>
          </Descriptions>
          {canWrite && !p.endedOn ? (
            <Form form={visitForm} layout="inline" initialValues={{ visitedOn: today(), kind: p.commitmentKind }} onFinish={(v) => void addVisit(p.id, v).then(() => (visitForm.resetFields(['note']), done('已登记联系')), showError)}>
              <Form.Item name="visitedOn" {...dateFieldProps} rules={[{ required: true }]}>
                <DatePicker format={datePickerFormats} />
              </Form.Item>
              <Form.Item name="kind">
                <Select options={contactKinds.map((k) => ({ value: k, label: k }))} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder="情况记录" maxLength={1000} />
              </Form.Item>
              <Button type="primary" htmlType="submit">登记联系</Button>
            </Form>
          ) : null}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.visits}
            locale={{ emptyText: '还没有联系记录' }}
            columns={[
              { title: '日期', dataIndex: 'visitedOn', width: 120, render: showDate },
              { title: '方式', dataIndex: 'kind', width: 80 },
              { title: '联系人', dataIndex: 'visitedBy', width: 120 },
              { title: '情况', dataIndex: 'note' },
            ]}
          />
          {canWrite && !p.endedOn ? (
            <Form form={endForm} layout="inline" initialValues={{ endedOn: today() }} onFinish={(v) => void updatePairing(p.id, v).then(() => done('结对已结束'), showError)}>
              <Form.Item name="endedOn" {...dateFieldProps} rules={[{ required: true }]}>
                <DatePicker format={datePickerFormats} />
              </Form.Item>
              <Form.Item name="endReason" rules={[{ required: true, message: '请填写结束原因' }]}>
                <Input placeholder="结束原因（如 受助儿童成年）" maxLength={200} />
              </Form.Item>
              <Button danger htmlType="submit">结束结对</Button>
            </Form>
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
