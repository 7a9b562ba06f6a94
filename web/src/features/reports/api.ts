import { http, notifyUnauthorized, request, toApiError } from '../../ui/http';

export type ReportKind = 'annual' | 'half-year';
export type TemplateKind = ReportKind | 'custom';
export type ReportFormat = 'docx' | 'md' | 'html';

export const reportKindLabels: Record<ReportKind, string> = { annual: '年度工作总结', 'half-year': '上半年工作总结及下半年工作安排' };
export const templateKindLabels: Record<TemplateKind, string> = { annual: '年度', 'half-year': '半年', custom: '自定义' };

export interface TemplateItem {
  id: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  name: string;
  kind: TemplateKind;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
  createdAt: string;
}

export interface TemplateVersion {
  version: number;
  name: string;
  kind: TemplateKind;
  note: string | null;
  createdAt: string;
  createdByName: string | null;
}

export interface TemplateDetail extends TemplateItem {
  body: string;
  note: string | null;
  versions: TemplateVersion[];
}

export interface TemplateIssue {
  line: number;
  column?: number;
  placeholder: string;
  message: string;
}

export interface PreviewFigure {
  n: number;
  text: string;
  ref: string;
  org: string;
  orgName: string;
  from: string;
  to: string;
  value: number;
  unit: string;
  line: number;
}

/** The template a report of a unit uses when none is chosen. */
export interface EffectiveTemplate {
  source: 'stored' | 'default';
  id: string;
  name: string;
  version: number | null;
  orgName: string | null;
  inherited: boolean;
  /** an ancestor's template that cannot serve this unit, and why (the default template is used instead) */
  skipped?: { id: string; name: string; orgName: string; reason: string };
}

/** A sentence of the template left out of the report: the unit's tree has no unit for a role it names. */
export interface OmittedSentence {
  n: number;
  line: number;
  sentence: string;
  placeholders: string[];
  reason: string;
}

export type Preview = { valid: true; title: string; html: string; figures: PreviewFigure[]; omitted: OmittedSentence[] } | { valid: false; issues: TemplateIssue[] };

const one = (id: string) => `/report-templates/${encodeURIComponent(id)}`;

export const listTemplates = (orgId?: string) => http.get<{ items: TemplateItem[] }>('/report-templates', { orgId });
export const getTemplate = (id: string) => http.get<TemplateDetail>(one(id));
export const getTemplateVersion = (id: string, version: number) => http.get<TemplateVersion & { body: string }>(`${one(id)}/versions/${version}`);
export const createTemplate = (body: { orgId?: string; name: string; kind: TemplateKind; body: string; note?: string }) => http.post<TemplateDetail>('/report-templates', body);
export const saveTemplate = (id: string, body: { name?: string; kind?: TemplateKind; body: string; note?: string; baseVersion?: number }) =>
  request<TemplateDetail>('PUT', one(id), body);
export const effectiveTemplate = (org: string, kind: ReportKind) => http.get<EffectiveTemplate>('/report-templates/effective', { org, kind });
export const deleteTemplate = (id: string) => http.del(one(id));
export const previewTemplate = (body: { template: string; org: string; kind: ReportKind; year: number }) => http.post<Preview>('/report-templates/preview', body);

/** The report file's address; the browser downloads it (docx, md) or opens it (html) with the session cookie. */
export function reportUrl(kind: ReportKind, q: { org: string; year: number; format: ReportFormat; template?: string }): string {
  const p = new URLSearchParams({ org: q.org, year: String(q.year), format: q.format });
  if (q.template) p.set('template', q.template);
  return `/api/v1/reports/${kind}?${p.toString()}`;
}

/** `filename*=UTF-8''…` of a content-disposition header (the report's Chinese file name). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]) : fallback;
}

/**
 * Downloads the report file. Fetched first, so that a refusal (no template for the unit, a template
 * error) reaches the page as the server's Chinese message instead of being saved as a file.
 */
export async function downloadReport(kind: ReportKind, q: { org: string; year: number; format: ReportFormat; template?: string }): Promise<string> {
  let res: Response;
  try {
    res = await fetch(reportUrl(kind, q), { credentials: 'same-origin' });
  } catch {
    throw toApiError(0, { error: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' } });
  }
  if (!res.ok) {
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (res.status === 401) notifyUnauthorized();
    throw toApiError(res.status, json);
  }
  const name = fileNameOf(res.headers.get('content-disposition'), `report.${q.format}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
