import { App, Button, Form, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FormModal } from '../../../ui/FormModal';
import { PageHeader } from '../../../ui/PageHeader';
import { showDate } from '../../../ui/dates';
import { NotFound, PageLoading } from '../../../ui/states';
import { useApiQuery } from '../../../../shared/api/query';
import { completeTownship, getScreening, listScreenedChildren, type ScreenedChild } from '../api';
import { OverdueBadge, RiskTag, StepTag } from '../components/badges';
import { ChildDrawer } from '../components/ChildDrawer';
import { ChildFormModal } from '../components/ChildFormModal';
import { InterventionModal, PairingModal } from '../components/FollowupModals';

/** A township's screening: record every child found, follow up the high-risk ones, mark the screening complete. */
export function ScreeningTownshipPage() {
  const { id = '', orgId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [intervening, setIntervening] = useState<ScreenedChild | null>(null);
  const [pairing, setPairing] = useState<ScreenedChild | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const s = useApiQuery(['screenings', 'detail', id], () => getScreening(id));
  const children = useApiQuery(['screenings', 'children', id, orgId, page], () => listScreenedChildren(id, { orgId, page, pageSize: 50 }), { keepPrevious: true });
  const reload = () => {
    s.reload();
    children.reload();
  };
  if (s.loading && !s.data) return <PageLoading />;
  const row = s.data?.townships.find((t) => t.orgId === orgId);
  if (!s.data || !row) return <NotFound />;
  const open = row.canRecord && !row.completed;

  return (
    <>
      <PageHeader
        title={`${row.orgName} · ${s.data.title}`}
        sub={
          <Space wrap>
            <span>{`发现 ${row.found} 名，高风险 ${row.high} 名，已干预 ${row.intervened}，已结对 ${row.paired}`}</span>
            {row.overdue > 0 ? <OverdueBadge n={row.overdue} /> : null}
            <Tag color={row.completed ? 'green' : 'blue'}>{row.completed ? `已完成（${showDate(row.completedOn)}）` : '进行中'}</Tag>
          </Space>
        }
        extra={
          <>
            {open ? (
              <Button type="primary" onClick={() => setAdding(true)} data-testid="child-new">
                登记儿童
              </Button>
            ) : null}
            {open ? (
              <Button onClick={() => setCompleting(true)} data-testid="township-complete">
                标记排查完成
              </Button>
            ) : null}
            <Button onClick={() => navigate(`/screenings/${id}`)}>返回进度</Button>
          </>
        }
      />
      <Table<ScreenedChild>
        rowKey="id"
        loading={children.loading}
        dataSource={children.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: children.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 名` }}
        scroll={{ x: 1000 }}
        data-testid="children-table"
        columns={[
          { title: '儿童', dataIndex: 'name', render: (v: string, c) => <Link to="#" onClick={(e) => { e.preventDefault(); setViewing(c.id); }}>{v}</Link> },
          { title: '性别、年龄', key: 'ga', render: (_, c) => `${c.gender ?? '—'}，${c.age ?? '—'} 岁` },
          { title: '监护情况', dataIndex: 'guardian' },
          { title: '风险因素', dataIndex: 'factors', render: (f: string[]) => (f.length ? f.join('、') : '无') },
          { title: '风险等级', dataIndex: 'riskLevel', render: (v: string) => <RiskTag level={v} /> },
          { title: '干预', key: 'i', render: (_, c) => <StepTag state={c.interventionState} due={c.dueInterveneOn} /> },
          { title: '结对', key: 'p', render: (_, c) => <StepTag state={c.pairingState} due={c.duePairOn} /> },
          {
            title: '操作',
            key: 'op',
            render: (_, c) =>
              row.canRecord ? (
                <Space>
                  {c.interventionState === 'pending' || c.interventionState === 'overdue' ? (
                    <Button size="small" onClick={() => setIntervening(c)} data-testid="child-intervene">
                      干预
                    </Button>
                  ) : null}
                  {c.pairingState === 'pending' || c.pairingState === 'overdue' ? (
                    <Button size="small" onClick={() => setPairing(c)} data-testid="child-pair">
                      结对
                    </Button>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      <ChildFormModal open={adding} screeningId={id} orgId={orgId} onClose={() => setAdding(false)} onSaved={() => { setAdding(false); void message.success('已登记'); reload(); }} />
      <InterventionModal child={intervening} onClose={() => setIntervening(null)} onSaved={() => { setIntervening(null); void message.success('已登记干预'); reload(); }} />
      <PairingModal child={pairing} onClose={() => setPairing(null)} onSaved={() => { setPairing(null); void message.success('已登记结对'); reload(); }} />
      <ChildDrawer id={viewing} onClose={() => setViewing(null)} />
      <FormModal<{ found: number }>
        open={completing}
        title="标记本乡镇排查完成"
        okText="确认完成"
        fields={['found']}
        initialValues={{ found: row.found }}
        onClose={() => setCompleting(false)}
        onSubmit={async (v) => {
          await completeTownship(id, orgId, v.found);
          setCompleting(false);
          void message.success('已标记排查完成');
          reload();
        }}
      >
        <Form.Item name="found" label="本乡镇排查发现的儿童人数" rules={[{ required: true, message: '请填写发现人数' }]} extra="可以为 0；须与已登记的儿童人数一致，完成后不能再登记">
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
