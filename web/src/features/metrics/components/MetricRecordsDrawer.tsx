import { Drawer, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { showDate } from '../../../ui/dates';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useRequest } from '../../../ui/use-request';
import { metricRecords, type MetricDef, type MetricRecord, type MetricScope } from '../api';

const ledgerLabels: Record<string, string> = {
  activities: '活动',
  assistance: '帮扶',
  loans: '贷款',
  contracts: '合同',
  people: '人员',
  households: '家庭',
  orgs: '组织',
  designations: '命名',
  cases: '个案',
  pairings: '结对',
  wishes: '心愿',
  campaigns: '评选',
};
const linkable = ['activities', 'assistance', 'loans', 'contracts', 'people'];

interface Props {
  metric: MetricDef | null;
  scope: MetricScope;
  onClose: () => void;
}

/** The figure's provenance: exactly the records the server counted, page by page. */
export function MetricRecordsDrawer({ metric, scope, onClose }: Props) {
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const code = metric?.code;
  useEffect(() => setPage(1), [code]);
  const key = JSON.stringify(scope);
  const { data, loading } = useRequest(() => metricRecords(code ?? '', scope, page, pageSize), [code, key, page, pageSize], Boolean(code));

  const columns: TableColumnsType<MetricRecord> = [
    {
      title: '记录',
      dataIndex: 'label',
      render: (v: string, r) => (linkable.includes(r.ledger) ? <Link to={`/${r.ledger}/${r.id}`}>{v}</Link> : v),
    },
    { title: '类别', dataIndex: 'ledger', width: 70, render: (v: string) => ledgerLabels[v] ?? v },
    { title: '日期', dataIndex: 'date', width: 130, render: (v: string | null) => showDate(v) },
    { title: '单位', dataIndex: 'orgName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: `计入${metric?.unit ? `（${metric.unit}）` : ''}`, dataIndex: 'contribution', width: 100, align: 'right' },
  ];

  return (
    <Drawer open={Boolean(metric)} onClose={onClose} size={isMobile ? '100%' : 760} title={metric ? `${metric.label}：明细` : ''} destroyOnHidden>
      {metric ? (
        <>
          <Typography.Paragraph type="secondary">{metric.description}</Typography.Paragraph>
          <div data-testid="metric-records">
            <Table<MetricRecord>
              rowKey={(r) => `${r.ledger}-${r.id}`}
              size="small"
              loading={loading}
              columns={columns}
              dataSource={data?.items ?? []}
              scroll={{ x: 620 }}
              locale={{ emptyText: '没有计入此指标的记录' }}
              pagination={{
                current: page,
                pageSize,
                total: data?.total ?? 0,
                showSizeChanger: true,
                showTotal: (t) => `共 ${t} 条记录`,
                onChange: (p, s) => {
                  setPage(p);
                  setPageSize(s);
                },
              }}
            />
          </div>
        </>
      ) : null}
    </Drawer>
  );
}
