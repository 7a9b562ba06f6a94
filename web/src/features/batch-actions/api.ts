import { http } from '../../ui/http';
import type { LedgerName } from '../ledgers/api';

/** 批量操作 (server: src/server/modules/batch-actions). */
export interface BatchAction {
  id: string;
  action: 'delete' | 'move';
  target: LedgerName;
  targetLabel: string;
  count: number;
  reason: string | null;
  toOrgId: string | null;
  toOrgName: string | null;
  createdAt: string;
  createdBy: string | null;
  undoneAt: string | null;
}

export const batchDelete = (target: LedgerName, ids: string[], reason: string) => http.post<BatchAction>('/batch-actions/delete', { target, ids, reason });
export const batchMove = (target: LedgerName, ids: string[], toOrgId: string) => http.post<BatchAction>('/batch-actions/move', { target, ids, toOrgId });
export const undoBatchAction = (id: string) => http.post<BatchAction>(`/batch-actions/${encodeURIComponent(id)}/undo`, {});
