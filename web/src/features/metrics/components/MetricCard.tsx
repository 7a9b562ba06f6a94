import { Card, Flex, Statistic, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../ui/use-request';
import { getMetric, type MetricDef, type MetricScope } from '../api';
import { MetricFilters } from './MetricFilters';

interface Props {
  metric: MetricDef;
  scope: MetricScope;
  onOpen: (m: MetricDef, scope: MetricScope) => void;
}

/** One figure, computed live by the server; a click on it lists the records behind it. */
export function MetricCard({ metric, scope, onOpen }: Props) {
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const missing = (metric.filterDetails ?? []).filter((f) => f.required && !filters[f.name]);
  const full: MetricScope = { ...scope, ...filters };
  const key = JSON.stringify(full);
  const { data, loading, error } = useRequest(() => getMetric(metric.code, full), [metric.code, key], missing.length === 0);
  const ready = missing.length === 0;
  return (
    <Card size="small" data-testid="metric-card" data-code={metric.code} style={{ height: '100%' }}>
      <div
        role="button"
        tabIndex={0}
        aria-label={`${metric.label}：查看计入的记录`}
        style={{ cursor: ready ? 'pointer' : 'default' }}
        onClick={() => ready && onOpen(metric, full)}
        onKeyDown={(e) => e.key === 'Enter' && ready && onOpen(metric, full)}
      >
        <Statistic
          title={
            <Tooltip title={metric.description}>
              <span>{metric.label}</span>
            </Tooltip>
          }
          loading={ready && loading}
          value={!ready ? `请设置${missing.map((f) => f.label).join('、')}` : error ? '—' : (data?.value ?? '—')}
          suffix={ready ? (data?.unit ?? metric.unit) : undefined}
          styles={{ content: ready ? undefined : { fontSize: 14, color: '#8c8c8c' } }}
          data-testid="metric-value"
        />
      </div>
      <Flex justify="space-between" align="center" gap={4} wrap>
        {/* a clerk reads the label; the code is what a report template writes, shown on demand */}
        <Tooltip title={`报告模板中写作 {{${metric.code}}}`}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="metric-template-ref">
            模板引用
          </Typography.Text>
        </Tooltip>
        <MetricFilters metric={metric} value={filters} onChange={setFilters} />
      </Flex>
    </Card>
  );
}
