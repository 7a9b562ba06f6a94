import { Button, Flex, Input, Popover, Select, Typography } from 'antd';
import { useState } from 'react';
import type { MetricDef } from '../api';

type Filters = Record<string, string | undefined>;

/** A metric's own filters (活动类型, 成果名称 …); required ones are asked for before computing. */
export function MetricFilters({ metric, value, onChange }: { metric: MetricDef; value: Filters; onChange: (f: Filters) => void }) {
  const [draft, setDraft] = useState<Filters>(value);
  const details = metric.filterDetails ?? metric.filters.map((name) => ({ name, label: name, description: '', values: null, required: false }));
  if (details.length === 0) return null;
  const active = Object.values(value).filter(Boolean).length;
  const content = (
    <Flex vertical gap={8} style={{ width: 240 }} onClick={(e) => e.stopPropagation()}>
      {details.map((d) => (
        <div key={d.name}>
          <Typography.Text style={{ fontSize: 13 }}>
            {d.label}
            {d.required ? <Typography.Text type="danger">（必填）</Typography.Text> : null}
          </Typography.Text>
          {d.values ? (
            <Select
              allowClear
              size="small"
              style={{ width: '100%' }}
              value={draft[d.name]}
              options={d.values.map((v) => ({ value: v, label: v }))}
              onChange={(v: string | undefined) => setDraft({ ...draft, [d.name]: v })}
            />
          ) : (
            <Input size="small" allowClear value={draft[d.name]} placeholder={d.description} onChange={(e) => setDraft({ ...draft, [d.name]: e.target.value.trim() || undefined })} />
          )}
        </div>
      ))}
      <Button size="small" type="primary" onClick={() => onChange(draft)}>
        计算
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" content={content} title="筛选条件" placement="bottom">
      <Button size="small" type="link" style={{ padding: 0 }} onClick={(e) => e.stopPropagation()} data-testid="metric-filters">
        筛选{active ? `（${active}）` : ''}
      </Button>
    </Popover>
  );
}
