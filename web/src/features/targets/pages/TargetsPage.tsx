import { App, Button, Flex, Popconfirm, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { actualLink, deleteTarget, listTargets, showFigure, statusColor, statusText, type Target } from '../api';
import { useMetricCatalogue } from '../components/MetricRefInput';
import { SplitModal } from '../components/SplitModal';
import { TargetFormModal } from '../components/TargetFormModal';
import { thisYear } from '../../../ui/dates';

// a link may name the year (?year=2025); otherwise this year in Asia/Shanghai
const yearParam = (q: URLSearchParams) => (/^\d{4}$/.test(q.get('year') ?? '') ? Number(q.get('year')) : thisYear());

/** Progress against the target with a dashed mark at 序时进度 (the elapsed share of the year). */
function ProgressCell({ t }: { t: Target }) {
  const p = t.progress ?? 0;
  const bad = t.status === 'behind' || t.status === 'missed';
  return (
    <Tooltip title={`完成进度 ${t.progress ?? '—'}%，序时进度 ${t.expectedProgress}%`}>
      <div style={{ position: 'relative', minWidth: 160 }} data-testid="target-progress">
        <Progress percent={Math.min(p, 100)} format={() => `${t.progress ?? '—'}%`} status={bad ? 'exception' : 'normal'} size="small" />
        <span aria-label={`序时进度 ${t.expectedProgress}%`} style={{ position: 'absolute', top: 0, bottom: 0, left: `calc((100% - 48px) * ${Math.min(t.expectedProgress, 100) / 100})`, borderLeft: '2px dashed #faad14' }} />
      </div>
    </Tooltip>
  );
}

function Rollup({ t }: { t: Target }) {
  if (!t.rollup) return null;
  const { childrenActual, childrenValue, difference } = t.rollup;
  if (childrenValue === null) return <Typography.Text type="secondary">已分解 {t.children.length} 个单位（百分比不合计）</Typography.Text>;
  return (
    <Typography.Text type="secondary" data-testid="target-rollup">
      下级合计：完成 {showFigure(childrenActual, t.unit)} / 目标 {showFigure(childrenValue, t.unit)}
      {difference ? `，分解${difference > 0 ? '少于' : '多于'}目标 ${showFigure(Math.abs(difference), t.unit)}` : '，与目标相等'}
    </Typography.Text>
  );
}

/** 年度目标: each target's live actual, progress against 序时进度, status, parts (分解下达) and their roll-up. */
export function TargetsPage() {
  const [search] = useSearchParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const [year, setYear] = useState(yearParam(search));
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data, loading, reload } = useRequest(() => listTargets(year, orgId), [year, orgId]);
  const { metrics } = useMetricCatalogue();
  const [editing, setEditing] = useState<Target | null | undefined>(undefined);
  const [splitting, setSplitting] = useState<Target | null>(null);
  const writable = can('ledger.write');
  // the table's rows lose their empty `children` (see withoutEmptyChildren): dialogs get the target as listed
  const listed = new Map<string, Target>();
  const walk = (ts: Target[]) => ts.forEach((t) => (listed.set(t.id, t), walk(t.children)));
  walk(data?.items ?? []);
  const original = (t: Target) => listed.get(t.id) ?? t;
  // parts are shown unfolded, also right after a new 分解下达; a folded row stays folded
  const [folded, setFolded] = useState<Set<string>>(new Set());
  const expanded = [...listed.values()].filter((t) => t.children.length > 0 && !folded.has(t.id)).map((t) => t.id);
  const toggle = (open: boolean, t: Target) => setFolded((f) => (open ? new Set([...f].filter((x) => x !== t.id)) : new Set([...f, t.id])));

  const remove = async (t: Target) => {
    try {
      await deleteTarget(t.id);
      void message.success('已删除');
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: ColumnsType<Target> = [
    {
      title: '目标',
      key: 'title',
      render: (_, t) => (
        <Flex vertical>
          <Typography.Text strong>{t.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.orgName} · {t.metricLabel}
          </Typography.Text>
          <Rollup t={t} />
        </Flex>
      ),
    },
    { title: '目标值', key: 'value', width: 130, render: (_, t) => `${t.comparison === 'at_most' ? '≤' : '≥'} ${showFigure(t.value, t.unit)}` },
    {
      title: '完成数',
      key: 'actual',
      width: 130,
      render: (_, t) => {
        const link = actualLink(t);
        const text = showFigure(t.actual, t.unit);
        return link ? (
          <Link to={link} data-testid="target-actual" title="查看计入的记录">
            {text}
          </Link>
        ) : (
          text
        );
      },
    },
    { title: '进度（虚线为序时进度）', key: 'progress', width: 220, render: (_, t) => <ProgressCell t={t} /> },
    { title: '状态', key: 'status', width: 90, render: (_, t) => <Tag color={statusColor[t.status]} data-testid="target-status">{statusText[t.status]}</Tag> },
  ];
  if (writable) {
    columns.push({
      title: '操作',
      key: 'ops',
      width: 200,
      render: (_, t) => (
        <Space size={4} wrap>
          <Button size="small" type="link" onClick={() => setEditing(original(t))}>
            编辑
          </Button>
          <Button size="small" type="link" onClick={() => setSplitting(original(t))}>
            分解下达
          </Button>
          <Popconfirm title="删除该目标（连同其分解目标）？" onConfirm={() => void remove(t)} okText="删除" cancelText="取消">
            <Button size="small" type="link" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const years = [thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2];
  return (
    <>
      <PageHeader
        title="年度目标"
        sub={data ? `截至 ${data.asOf}，${data.year} 年序时进度 ${data.expectedProgress}%；完成数由台账实时计算，点击可查看计入的记录` : undefined}
        extra={
          writable ? (
            <Button type="primary" onClick={() => setEditing(null)} data-testid="target-new">
              新增目标
            </Button>
          ) : undefined
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 120 }} data-testid="targets-year" />
        <OrgPicker value={orgId} onChange={setOrgId} placeholder="全部单位（本级及下级）" style={{ width: 260, maxWidth: '100%' }} />
      </Flex>
      <Table<Target>
        data-testid="targets-table"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={(data?.items ?? []).map(withoutEmptyChildren)}
        pagination={false}
        expandable={{ expandedRowKeys: expanded, onExpand: toggle }}
        scroll={{ x: 860 }}
        locale={{ emptyText: `${year}年暂无目标` }}
      />
      {editing !== undefined ? (
        <TargetFormModal open year={year} target={editing} metrics={metrics} onClose={() => setEditing(undefined)} onSaved={() => (setEditing(undefined), reload())} />
      ) : null}
      <SplitModal target={splitting} onClose={() => setSplitting(null)} onSaved={(m) => (setSplitting(null), void message.success(m), reload())} />
    </>
  );
}

// antd shows an expand arrow for any `children` array, even an empty one
function withoutEmptyChildren(t: Target): Target {
  return t.children.length ? { ...t, children: t.children.map(withoutEmptyChildren) } : ({ ...t, children: undefined } as unknown as Target);
}
