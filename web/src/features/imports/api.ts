import type { LedgerKind } from '../../../../src/domain/ledgers/catalogs';
import { http, toQuery } from '../../ui/http';
import { uploadFile } from '../../ui/upload';

export const kindLabels: Record<LedgerKind, string> = {
  people: '人员',
  activities: '活动',
  assistance: '帮扶救助',
  loans: '小额贷款',
  contracts: '集体合同',
  households: '家庭',
};

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface PreviewRow {
  row: number;
  values: Record<string, unknown>;
  status: 'ok' | 'error' | 'duplicate';
}

/** 原列名 → 字段 key (null: the column is not imported). */
export type ColumnMapping = Record<string, string | null>;

export interface MappingColumn {
  index: number;
  header: string;
  /** the first values, as shown to the clerk (dates as 2025年3月8日) */
  samples: string[];
  field: string | null;
  suggested: string | null;
  reason: string | null;
}

/** The file's columns, for mapping a clerk's own headers to the ledger's fields (labels are Chinese). */
export interface MappingInfo {
  headerRow: number;
  columns: MappingColumn[];
  fields: { key: string; label: string; required: boolean }[];
  missing: string[];
  saved: string | null;
}

/** The dry-run and commit answer (docs/api/ledgers.md, Excel import). */
export interface ImportResult {
  uploadId: string;
  kind: LedgerKind;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  errors: ImportError[];
  warnings: (string | { row?: number; message: string })[];
  batchId: string | null;
  /** 导入批次 2026-0001, given once the import is written */
  batchNumber?: string | null;
  preview: PreviewRow[];
  mapping: MappingInfo | null;
}

export interface ImportBatch {
  id: string;
  /** 导入批次 2026-0001 */
  number: string;
  kind: LedgerKind;
  orgId: string | null;
  orgName: string | null;
  filename: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  status: string;
  createdAt: string;
  createdBy: string | null;
  undoneAt: string | null;
}

export const maxUploadBytes = 20 * 1024 * 1024;

export const templateUrl = (kind: LedgerKind) => `/api/v1/imports/templates/${kind}`;
export const errorsUrl = (uploadId: string, mapping?: ColumnMapping | null) =>
  `/api/v1/imports/uploads/${encodeURIComponent(uploadId)}/errors.xlsx${mapping ? toQuery({ mapping: JSON.stringify(mapping) }) : ''}`;

/**
 * Uploads the workbook for a dry run (nothing is written; the server keeps the upload for the
 * commit). XMLHttpRequest rather than fetch, for the upload progress bar.
 */
export function uploadForPreview(kind: LedgerKind, file: File, orgId: string | undefined, onProgress: (percent: number) => void): Promise<ImportResult> {
  return uploadFile<ImportResult>(`/api/v1/imports/${kind}${toQuery({ orgId, dryRun: true })}`, file, {
    onProgress,
    tooLargeMessage: '文件过大，请拆分后分批导入（单个文件不超过 20 MB）',
  });
}

/** Writes the stored upload: everything (all-or-nothing) or only the correct rows. */
export const commitUpload = (uploadId: string, acceptValid: boolean, mapping?: ColumnMapping | null, saveMapping?: string | null) =>
  http.post<ImportResult>(`/imports/uploads/${encodeURIComponent(uploadId)}/commit`, { acceptValid, mapping: mapping ?? undefined, saveMapping: saveMapping || undefined });

/** Checks the stored upload again with the clerk's column mapping (nothing is written). */
export const previewUpload = (uploadId: string, mapping: ColumnMapping) => http.post<ImportResult>(`/imports/uploads/${encodeURIComponent(uploadId)}/preview`, { mapping });

/** 取消: the server deletes the stored upload at once (it holds the workbook's ID numbers). */
export const cancelUpload = (uploadId: string) => http.del(`/imports/uploads/${encodeURIComponent(uploadId)}`);

export const listBatches = (orgId?: string) => http.get<{ items: ImportBatch[] }>('/imports/batches', { orgId });
export const undoBatch = (id: string) => http.post<unknown>(`/imports/batches/${encodeURIComponent(id)}/undo`);
