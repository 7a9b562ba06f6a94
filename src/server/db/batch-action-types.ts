/** Rows of 批量操作 (migration 2026-12-08T1200-batch-actions). */
export interface BatchActionTable {
  id: string;
  /** 'delete' (soft delete with a reason) or 'move' (to to_org_id) */
  action: string;
  /** the ledger: activities, assistance, loans, contracts */
  target: string;
  reason: string | null;
  to_org_id: string | null;
  count: number;
  created_by: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}
export interface BatchActionItemTable {
  action_id: string;
  record_id: string;
  /** the record's unit before the action (a move's undo puts it back) */
  from_org_id: string;
  /** the record's natural key before the action */
  from_key: string;
}
