import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { FormModal } from '../../../ui/FormModal';
import { PageHeader } from '../../../ui/PageHeader';
import { dateFieldProps, datePickerFormats, showDate, thisYear } from '../../../ui/dates';
import { useApiQuery } from '../../../../shared/api/query';
import { ApiError } from '../../../ui/http';
import { Forbidden } from '../../../ui/states';
import { createScreening, type CreateScreeningInput, listScreenings, type Screening } from '../api';
import { OverdueBadge } from '../components/badges';
import { TownshipSelect } from '../components/TownshipSelect';

const createFields = ['orgId', 'title', 'year', 'startOn', 'endOn', 'interveneDays', 'pairDays', 'townshipIds'] as const;

/** 摸底排查: the campaigns the caller sees, each with its roll-up; launching a new one. */
export function ScreeningsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useApiQuery(['screenings', 'list', page], () => listScreenings({ page }), { keepPrevious: true, pageShows: [403] });
  const year = thisYear();
  // 摸底排查 is for case workers, leaders and unit administrators; anyone else opening the address reads why
  if (list.error instanceof ApiError && list.error.status === 403) return <Forbidden />;

  return (
    <>
      <PageHeader
        title="摸底排查"
        sub="困境儿童、留守儿童摸底排查：各乡镇登记发现的儿童，高风险儿童限期干预并结对跟踪"
        extra={
          can('case.write') ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="screening-new">
              发起排查
            </Button>
          ) : null
        }
      />
      <Table<Screening>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (n) => `共 ${n} 次排查` }}
        scroll={{ x: 900 }}
        columns={[
          { title: '排查名称', dataIndex: 'title', render: (v: string, r) => <Link to={`/screenings/${r.id}`}>{v}</Link> },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '发起单位', dataIndex: 'orgName' },
          { title: '排查期间', key: 'period', render: (_, r) => `${showDate(r.startOn)} 至 ${showDate(r.endOn)}` },
          { title: '发现儿童', key: 'found', align: 'right', render: (_, r) => r.total.found },
          { title: '高风险', key: 'high', align: 'right', render: (_, r) => r.total.high },
          { title: '超期', key: 'overdue', render: (_, r) => <OverdueBadge n={r.total.overdue} /> },
          {
            title: '完成乡镇',
            key: 'completed',
            render: (_, r) => <Tag color={r.total.completed ? 'green' : 'blue'}>{`${r.total.completedTownships}/${r.total.townships}`}</Tag>,
          },
        ]}
      />
      <FormModal<CreateScreeningInput>
        open={creating}
        title="发起摸底排查"
        okText="发起"
        fields={createFields}
        initialValues={{ year, interveneDays: 7, pairDays: 30 }}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const s = await createScreening({ ...v, orgId: v.orgId || undefined, townshipIds: v.townshipIds?.length ? v.townshipIds : undefined });
          setCreating(false);
          void navigate(`/screenings/${s.id}`);
        }}
      >
        <Form.Item name="title" label="排查名称" rules={[{ required: true, message: '请填写排查名称' }]}>
          <Input placeholder="如 2026年困境儿童摸底排查" maxLength={100} data-testid="field-title" />
        </Form.Item>
        <Form.Item name="orgId" label="发起单位" extra="不选则为本人所在单位">
          <OrgPicker placeholder="本人所在单位" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: CreateScreeningInput, b: CreateScreeningInput) => a.orgId !== b.orgId}>
          {({ getFieldValue }) => (
            <Form.Item name="townshipIds" label="参与乡镇">
              <TownshipSelect parentId={(getFieldValue('orgId') as string | undefined) || undefined} />
            </Form.Item>
          )}
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} format={datePickerFormats} data-testid="field-startOn" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endOn" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} format={datePickerFormats} data-testid="field-endOn" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="interveneDays" label="高风险儿童干预时限（天）">
              <InputNumber min={1} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pairDays" label="结对跟踪时限（天）">
              <InputNumber min={1} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </>
  );
}
