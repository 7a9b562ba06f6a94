import { Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { showDate } from '../../../ui/dates';
import { NotFound, PageLoading } from '../../../ui/states';
import { useApiQuery } from '../../../../shared/api/query';
import { getScreening, type ScreenedChild, type TownshipProgress } from '../api';
import { OverdueBadge, RiskTag, StepTag } from '../components/badges';

type Row = TownshipProgress & { key: string; isTotal?: boolean };

/** One campaign: the progress table per township with the county roll-up, and the overdue children (names masked). */
export function ScreeningDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const s = useApiQuery(['screenings', 'detail', id], () => getScreening(id));
  if (s.loading && !s.data) return <PageLoading />;
  if (!s.data) return <NotFound />;
  const d = s.data;
  const rows: Row[] = [
    ...d.townships.map((t) => ({ ...t, key: t.orgId })),
    {
      key: 'total', isTotal: true, orgId: '', orgName: '合计', ...d.total, completedOn: null, reportedFound: null, canRecord: false, canReadChildren: false,
    },
  ];
  return (
    <>
      <PageHeader title={d.title} sub={`${d.orgName} · ${showDate(d.startOn)} 至 ${showDate(d.endOn)}`} extra={<Button onClick={() => navigate('/screenings')}>返回列表</Button>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label="高风险儿童干预时限">{d.interveneDays} 天</Descriptions.Item>
          <Descriptions.Item label="结对跟踪时限">{d.pairDays} 天</Descriptions.Item>
          <Descriptions.Item label="完成乡镇">{`${d.total.completedTownships}/${d.total.townships}`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Table<Row>
        rowKey="key"
        size="middle"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 900 }}
        data-testid="progress-table"
        rowClassName={(r) => (r.isTotal ? 'progress-total' : '')}
        columns={[
          {
            title: '乡镇',
            dataIndex: 'orgName',
            render: (v: string, r) =>
              r.isTotal ? <Typography.Text strong>{v}</Typography.Text> : r.canReadChildren ? <Link to={`/screenings/${d.id}/townships/${r.orgId}`}>{v}</Link> : v,
          },
          { title: '发现', dataIndex: 'found', align: 'right' },
          { title: '高风险', dataIndex: 'high', align: 'right' },
          { title: '中风险', dataIndex: 'medium', align: 'right' },
          { title: '低风险', dataIndex: 'low', align: 'right' },
          { title: '已干预', dataIndex: 'intervened', align: 'right' },
          { title: '已结对', dataIndex: 'paired', align: 'right' },
          { title: '超期', dataIndex: 'overdue', render: (n: number) => <OverdueBadge n={n} /> },
          {
            title: '排查状态',
            key: 'completed',
            render: (_, r) =>
              r.isTotal ? (
                <Tag color={r.completed ? 'green' : 'blue'}>{r.completed ? '全部完成' : '进行中'}</Tag>
              ) : (
                <Tag color={r.completed ? 'green' : 'blue'}>{r.completed ? `已完成（${showDate(r.completedOn)}）` : '进行中'}</Tag>
              ),
          },
          {
            title: '操作',
            key: 'op',
            render: (_, r) =>
              r.canRecord ? (
                <Link to={`/screenings/${d.id}/townships/${r.orgId}`} data-testid={`record-${r.orgName}`}>
                  登记儿童
                </Link>
              ) : null,
          },
        ]}
      />
      {d.overdueCount > 0 ? (
        <Card size="small" title={`超期未干预或未结对的高风险儿童（${d.overdueCount} 名）`} style={{ marginTop: 16 }}>
          <Table<ScreenedChild>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.overdueChildren}
            columns={[
              { title: '乡镇', dataIndex: 'orgName' },
              { title: '儿童', dataIndex: 'name' },
              { title: '风险', dataIndex: 'riskLevel', render: (v: string) => <RiskTag level={v} /> },
              { title: '干预', key: 'i', render: (_, c) => <StepTag state={c.interventionState} due={c.dueInterveneOn} /> },
              { title: '结对', key: 'p', render: (_, c) => <StepTag state={c.pairingState} due={c.duePairOn} /> },
              { title: '', key: 'op', render: (_, c) => <Link to={`/screenings/${d.id}/townships/${c.orgId}`}>去处理</Link> },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
