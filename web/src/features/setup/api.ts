import type { CountyBody } from '../../../../src/domain/county-setup';
import { ApiError, csrfHeaders, http, notifyUnauthorized, toApiError, toQuery } from '../../ui/http';
import { uploadFile } from '../../ui/upload';
import type { Org } from '../orgs/api';

export type TreeKind = 'orgs' | 'users';

export const treeKindLabels: Record<TreeKind, string> = { orgs: '组织架构', users: '用户' };

export interface SetupStatus {
  empty: boolean;
  canSetUp: boolean;
}

export interface SetupBody {
  countyName: string;
  divisionCode: string;
  codePrefix: string;
  bodies: CountyBody[];
}

export interface TreeImportResult {
  kind: TreeKind;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  created: number;
  updated: number;
  errors: { row: number; column: string; message: string }[];
  warnings: string[];
  batchId: string | null;
  /** the batch's readable number (2026-0003), when a batch was written */
  batchNumber?: string | null;
  preview: { row: number; values: Record<string, string>; status: 'ok' | 'error' | 'duplicate' }[];
  /** users: the one-time password sheet, to download once */
  credentialsId: string | null;
  smsSent?: number;
}

export const fetchSetupStatus = () => http.get<SetupStatus>('/setup');
export const setUpCounty = (body: SetupBody) => http.post<{ root: Org; bodies: Org[] }>('/setup', body);
export const setupTemplateUrl = (kind: TreeKind) => `/api/v1/setup/templates/${kind}`;
export const credentialsUrl = (id: string) => `/api/v1/setup/credentials/${id}`;

export function uploadTree(kind: TreeKind, file: File, orgId: string, dryRun: boolean, onProgress?: (p: number) => void): Promise<TreeImportResult> {
  return uploadFile<TreeImportResult>(`/api/v1/setup/imports/${kind}${toQuery({ orgId, dryRun })}`, file, { onProgress, tooLargeMessage: '文件超过 20 MB 上限' });
}

/** The error sheet of a file (checked again on the server, nothing written), saved by the browser. */
export async function downloadErrorSheet(kind: TreeKind, file: File, orgId: string): Promise<void> {
  const data = new FormData();
  data.append('file', file, file.name);
  const res = await fetch(`/api/v1/setup/imports/${kind}/errors.xlsx${toQuery({ orgId })}`, { method: 'POST', body: data, credentials: 'include', headers: csrfHeaders() });
  if (res.status === 401) notifyUnauthorized();
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `错误说明-${file.name.replace(/\.xlsx$/i, '')}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export { ApiError };
