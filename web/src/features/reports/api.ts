import { api, data } from '../../../shared/api/client';
import type { ApiBody, ApiData, ApiItem } from '../../../shared/api/types';
import { notifyUnauthorized, toApiError } from '../../ui/http';

export type ReportKind = 'annual' | 'half-year';
export type TemplateKind = ReportKind | 'custom';
export type ReportFormat = 'docx' | 'md' | 'html';

export const reportKindLabels: Record<ReportKind, string> = { annual: '年度工作总结', 'half-year': '上半年工作总结及下半年工作安排' };
export const templateKindLabels: Record<TemplateKind, string> = { annual: '年度', 'half-year': '半年', custom: '自定义' };

/** Report templates (`/api/v1/report-templates`); every type is the server's (generated). */
export type TemplateItem = ApiItem<'/api/v1/report-templates'>;
export type TemplateDetail = ApiData<'/api/v1/report-templates/{id}'>;
export type TemplateVersion = TemplateDetail['versions'][number];
export type Preview = ApiData<'/api/v1/report-templates/preview', 'post'>;
export type TemplateIssue = Extract<Preview, { valid: false }>['issues'][number];
export type PreviewFigure = Extract<Preview, { valid: true }>['figures'][number];
/** A sentence of the template left out of the report: the unit's tree has no unit for a role it names. */
export type OmittedSentence = Extract<Preview, { valid: true }>['omitted'][number];
/** The template a report of a unit uses when none is chosen. */
export type EffectiveTemplate = ApiData<'/api/v1/report-templates/effective'>;

const one = (id: string) => ({ params: { path: { id } } });

export const listTemplates = (orgId?: string) => data(api.GET('/api/v1/report-templates', { params: { query: { orgId } } }));
export const getTemplate = (id: string) => data(api.GET('/api/v1/report-templates/{id}', one(id)));
export const getTemplateVersion = (id: string, version: number) =>
  data(api.GET('/api/v1/report-templates/{id}/versions/{version}', { params: { path: { id, version } } }));
export const createTemplate = (body: ApiBody<'/api/v1/report-templates'>) => data(api.POST('/api/v1/report-templates', { body }));
export const saveTemplate = (id: string, body: ApiBody<'/api/v1/report-templates/{id}', 'put'>) => data(api.PUT('/api/v1/report-templates/{id}', { ...one(id), body }));
export const effectiveTemplate = (org: string, kind: ReportKind) => data(api.GET('/api/v1/report-templates/effective', { params: { query: { org, kind } } }));
export const deleteTemplate = (id: string) => data(api.DELETE('/api/v1/report-templates/{id}', one(id)));
export const previewTemplate = (body: ApiBody<'/api/v1/report-templates/preview'>) => data(api.POST('/api/v1/report-templates/preview', { body }));

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
