import type { Generated } from 'kysely';

/** 通知公告 rows (migration 2026-12-08T1700-notices). */
export interface NoticeTable {
  id: string;
  org_id: string;
  title: string;
  body_html: string;
  need_sign: number;
  deadline: string | null;
  recipient_mode: string;
  recipient_kinds: string | null;
  recipient_org_ids: string | null;
  status: string;
  published_at: string | null;
  published_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
  last_reminded_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface NoticeRecipientTable {
  notice_id: string;
  org_id: string;
  read_at: string | null;
  read_by: string | null;
  signed_at: string | null;
  signed_by: string | null;
  reminded_at: string | null;
  remind_count: Generated<number>;
}
