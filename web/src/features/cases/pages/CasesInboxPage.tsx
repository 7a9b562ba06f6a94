import { Button, Checkbox, Flex, Segmented, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { caseStatuses } from '../../../../../src/domain/cases/flow';
import { caseKinds } from '../../../../../src/domain/cases/kinds';
import { useAuth } from '../../../app/auth';
import { exportUrl } from '../../ledgers/api';
import { knownOrgName } from '../../orgs/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { showDate } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useApiQuery } from '../../../../shared/api/query';
import { caseFacets, listCases, type CaseItem } from '../api';
import { DeadlineBadge, StatusTag } from '../components/badges';
import { CaseCards, kindText, partyNames } from '../components/CaseCards';

const columns: TableColumnsType<CaseItem> = [
  { title: '登记日期', dataIndex: 'registeredOn', width: 130, render: (v: string, c) => <Link to={`/cases/${c.id}`}>{showDate(v)}</Link> },
  { title: '类型', key: 'kind', width: 130, render: (_, c) => <Flex wrap gap={4}>{kindText(c)}{c.confidential ? <Tag color="magenta">保密</Tag> : null}</Flex> },
  { title: '当事人', key: 'parties', width: 160, render: (_, c) => partyNames(c) },
  { title: '案情摘要', dataIndex: 'summary', ellipsis: true, render: (v: string | null, c) => (c.confidential ? <Typography.Text type="secondary">保密个案</Typography.Text> : v) },
  { title: '受理单位', dataIndex: 'orgName', width: 140 },
  { title: '承办人', dataIndex: 'handlerName', width: 90, render: (v: string | null) => v ?? '—' },
  { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} /> },
  { title: '时限', key: 'deadline', width: 170, render: (_, c) => <DeadlineBadge deadline={c.deadline} /> },
];

type Due = 'all' | 'overdue' | 'dueSoon';

/** 个案收件箱: tabs by status with counts, 超期/临期 at a glance, filters in the URL; cards on a phone. */
export function CasesInboxPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) || undefined;
  const status = get('status');
  const due: Due = get('overdue') ? 'overdue' : get('dueSoon') ? 'dueSoon' : 'all';
  const page = Number(get('page') ?? 1) || 1;
  const pageSize = 20;
  const filters = { status, kind: get('kind'), orgId: get('orgId'), overdue: due === 'overdue' ? 'true' : undefined, dueSoon: due === 'dueSoon' ? 'true' : undefined, mine: get('mine') };
  const query = { ...filters, page, pageSize };
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const { data, loading } = useApiQuery(['cases', 'list', query], () => listCases(query), { keepPrevious: true });
  // the counts follow the filters: a tab's count is what the list shows when it is chosen
  const { data: summary } = useApiQuery(['cases', 'facets', filters], () => caseFacets(filters), { keepPrevious: true });

  const count = (n: number | undefined) => (summary ? `（${n ?? 0}）` : '');
  const tabs = [{ key: 'all', label: `全部${count(summary?.total)}` }, ...caseStatuses.map((s) => ({ key: s, label: `${s}${count(summary?.byStatus[s])}` }))];

  return (
    <>
      <PageHeader
        title="个案收件箱"
        sub={summary ? `超期 ${summary.overdue} 件，临期 ${summary.dueSoon} 件（3 日内到期）` : undefined}
        extra={
          <>
            <Button href={exportUrl('/cases', filters)} data-testid="cases-export">
              导出 Excel
            </Button>
            {can('case.write') ? (
              <Button type="primary" data-testid="case-new" onClick={() => navigate('/cases/new')}>
                登记个案
              </Button>
            ) : null}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 8 }} data-testid="case-deadline-summary">
        <Segmented<Due>
          value={due}
          onChange={(v) => update({ overdue: v === 'overdue' ? 'true' : undefined, dueSoon: v === 'dueSoon' ? 'true' : undefined })}
          options={[
            { value: 'all', label: '全部时限' },
            { value: 'overdue', label: <span style={{ color: '#cf1322' }} data-testid="filter-overdue">超期 {summary?.overdue ?? ''}</span> },
            { value: 'dueSoon', label: <span style={{ color: '#d46b08' }} data-testid="filter-due-soon">临期 {summary?.dueSoon ?? ''}</span> },
          ]}
        />
        <Select
          allowClear
          placeholder="全部类型"
          value={get('kind')}
          options={caseKinds.map((k) => ({ value: k, label: summary?.byKind[k] ? `${k}（${summary.byKind[k]}）` : k }))}
          style={{ width: 160, maxWidth: '100%' }}
          onChange={(v: string | undefined) => update({ kind: v })}
          data-testid="filter-kind"
        />
        <Checkbox checked={get('mine') === 'true'} onChange={(e) => update({ mine: e.target.checked ? 'true' : undefined })} data-testid="filter-mine" style={{ alignSelf: 'center' }}>
          只看我承办的
        </Checkbox>
        <OrgPicker value={get('orgId')} placeholder="全部单位（本级及下级）" style={{ width: 240, maxWidth: '100%' }} onChange={(id) => update({ orgId: id, orgName: id ? knownOrgName(id) : undefined })} />
      </Flex>
      <Tabs activeKey={status ?? 'all'} items={tabs} onChange={(k) => update({ status: k === 'all' ? undefined : k })} data-testid="case-status-tabs" />
      {isMobile ? (
        <CaseCards items={data?.items ?? []} loading={loading} total={data?.total ?? 0} page={page} pageSize={pageSize} onPage={(p) => update({ page: p > 1 ? String(p) : undefined })} />
      ) : (
        <div data-testid="case-table">
          <Table<CaseItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={{ x: 1040 }}
            locale={{ emptyText: '没有符合条件的个案' }}
            onRow={(c) => ({ onDoubleClick: () => navigate(`/cases/${c.id}`) })}
            pagination={{ current: page, pageSize, total: data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: (p) => update({ page: p > 1 ? String(p) : undefined }) }}
          />
        </div>
      )}
    </>
  );
}
