import { http, type Page } from '../../ui/http';

export interface MetricDef {
  code: string;
  label: string;
  unit: string;
  ledger: string;
  filters: string[];
  filterDetails?: { name: string; label: string; description: string; values: string[] | null; required: boolean }[];
  description: string;
}

export interface MetricValue {
  code: string;
  value: number | string;
  unit: string;
  org: unknown;
  from: string | null;
  to: string | null;
  filters: Record<string, string>;
}

export interface MetricRecord {
  ledger: string;
  id: string;
  date: string | null;
  orgName: string | null;
  label: string;
  contribution: number | string;
}

export interface MetricScope {
  /** A unit's id (its subtree); empty: the caller's whole scope. */
  org?: string;
  from?: string;
  to?: string;
  /** The metric's own filters (type=培训, name=签订就业合同 …). */
  [filter: string]: string | undefined;
}

const byCode = (code: string) => `/metrics/${encodeURIComponent(code)}`;

export const listMetrics = () => http.get<{ items: MetricDef[] }>('/metrics');
/** Every figure is computed by the server over the unit's subtree and the period. */
export const getMetric = (code: string, scope: MetricScope) => http.get<MetricValue>(byCode(code), { ...scope });
/** The records the figure counts: its provenance. */
export const metricRecords = (code: string, scope: MetricScope, page: number, pageSize: number) =>
  http.get<Page<MetricRecord>>(`${byCode(code)}/records`, { ...scope, page, pageSize });
