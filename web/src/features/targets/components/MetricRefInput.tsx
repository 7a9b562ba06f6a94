import { Flex, Select } from 'antd';
import { useMemo } from 'react';
import { useRequest } from '../../../ui/use-request';
import { listMetrics, type MetricDef } from '../../metrics/api';

/** `code{a=x|y,b=z}` → parts, and back; the server checks the reference against the catalogue. */
export function splitRef(ref: string | undefined): { code: string | undefined; filters: Record<string, string[]> } {
  if (!ref) return { code: undefined, filters: {} };
  const m = /^([^{]+)(?:\{(.*)\})?$/.exec(ref.trim());
  if (!m) return { code: ref, filters: {} };
  const filters: Record<string, string[]> = {};
  for (const part of (m[2] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) filters[part.slice(0, eq).trim()] = part.slice(eq + 1).split('|').map((v) => v.trim()).filter(Boolean);
  }
  return { code: m[1].trim(), filters };
}

export function joinRef(code: string, filters: Record<string, string[]>): string {
  const parts = Object.entries(filters).filter(([, v]) => v.length > 0).map(([k, v]) => `${k}=${v.join('|')}`);
  return parts.length ? `${code}{${parts.join(',')}}` : code;
}

export function useMetricCatalogue(): { metrics: MetricDef[]; loading: boolean } {
  const { data, loading } = useRequest(listMetrics, []);
  return { metrics: data?.items ?? [], loading };
}

interface Props {
  value?: string;
  onChange?: (ref: string | undefined) => void;
  disabled?: boolean;
  metrics: MetricDef[];
}

/** A metric from the catalogue (数据指标) and its filters; values come from the catalogue where it lists them. */
export function MetricRefInput({ value, onChange, disabled, metrics }: Props) {
  const { code, filters } = splitRef(value);
  const def = useMemo(() => metrics.find((m) => m.code === code), [metrics, code]);
  const setFilter = (name: string, values: string[]) => {
    if (code) onChange?.(joinRef(code, { ...filters, [name]: values }));
  };
  return (
    <Flex vertical gap={8}>
      <Select
        data-testid="metric-select"
        showSearch={{ optionFilterProp: 'label' }}
        disabled={disabled}
        placeholder="选择指标"
        value={code}
        onChange={(c: string) => onChange?.(c)}
        options={metrics.map((m) => ({ value: m.code, label: `${m.label}（${m.unit}）${m.code}` }))}
      />
      {(def?.filterDetails ?? []).map((f) => (
        <Select
          key={f.name}
          mode={f.values ? 'multiple' : 'tags'}
          disabled={disabled}
          allowClear
          placeholder={`${f.label}${f.required ? '（必填）' : '（可选，可多选）'}`}
          value={filters[f.name] ?? []}
          onChange={(v: string[]) => setFilter(f.name, v)}
          options={(f.values ?? []).map((v) => ({ value: v, label: v }))}
          title={f.description}
        />
      ))}
    </Flex>
  );
}
