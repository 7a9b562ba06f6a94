import type { OrgKind } from '../../../../src/domain/org';
import type { NoticeStatus, ReceiptState, RecipientMode } from '../../../../src/domain/notices/notices';
import { http, type Page } from '../../ui/http';

/** 通知公告: `/api/v1/notices` (drafts, publish, 签收, 催办, withdraw). */
export interface Receipt {
  orgId: string;
  orgName: string;
  orgKindLabel: string;
  state: ReceiptState;
  stateLabel: string;
  readAt: string | null;
  readByName: string | null;
  signedAt: string | null;
  signedByName: string | null;
  remindedAt: string | null;
  remindCount: number;
}

export interface Notice {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  bodyHtml: string;
  status: NoticeStatus;
  statusLabel: string;
  needSign: boolean;
  deadline: string | null;
  recipientMode: RecipientMode;
  recipientModeLabel: string;
  recipientKinds: OrgKind[] | null;
  recipientOrgIds: string[] | null;
  publishedAt: string | null;
  publishedByName: string | null;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
  withdrawReason: string | null;
  createdAt: string;
  createdByName: string | null;
  lastRemindedAt: string | null;
  nextRemindAt: string | null;
  canManage: boolean;
  canEdit: boolean;
  canWithdraw: boolean;
  canRemind: boolean;
  waiting: number;
  mine: (Receipt & { canSign: boolean })[];
  tracking: Receipt[] | null;
  counts: { total: number; unread: number; read: number; signed: number } | null;
}

export interface ReceivedItem {
  id: string;
  title: string;
  excerpt: string;
  status: NoticeStatus;
  statusLabel: string;
  needSign: boolean;
  deadline: string | null;
  publishedAt: string | null;
  orgName: string;
  unitId: string;
  unitName: string;
  state: ReceiptState;
  stateLabel: string;
  readAt: string | null;
  signedAt: string | null;
  remindedAt: string | null;
  remindCount: number;
}

export interface SentItem {
  id: string;
  title: string;
  excerpt: string;
  status: NoticeStatus;
  statusLabel: string;
  needSign: boolean;
  deadline: string | null;
  publishedAt: string | null;
  createdAt: string;
  orgId: string;
  orgName: string;
  recipients: number;
  read: number;
  signed: number;
}

export interface NoticeInput {
  orgId?: string;
  title: string;
  bodyHtml: string;
  needSign: boolean;
  deadline?: string | null;
  recipientMode: RecipientMode;
  recipientKinds?: OrgKind[];
  recipientOrgIds?: string[];
}

type Query = Record<string, string | number | undefined>;
export const listReceived = (q: Query) => http.get<Page<ReceivedItem> & { waiting: number }>('/notices', { ...q, box: 'received' });
export const listSent = (q: Query) => http.get<Page<SentItem>>('/notices', { ...q, box: 'sent' });
export const getNotice = (id: string) => http.get<Notice>(`/notices/${encodeURIComponent(id)}`);
export const createNotice = (body: NoticeInput) => http.post<Notice>('/notices', body);
export const updateNotice = (id: string, body: Partial<NoticeInput>) => http.patch<Notice>(`/notices/${encodeURIComponent(id)}`, body);
export const deleteNotice = (id: string) => http.del(`/notices/${encodeURIComponent(id)}`);
export const publishNotice = (id: string) => http.post<Notice>(`/notices/${encodeURIComponent(id)}/publish`);
export const withdrawNotice = (id: string, reason: string) => http.post<Notice>(`/notices/${encodeURIComponent(id)}/withdraw`, { reason });
export const signNotice = (id: string, orgId?: string) => http.post<Notice>(`/notices/${encodeURIComponent(id)}/sign`, orgId ? { orgId } : {});
export const remindNotice = (id: string) => http.post<{ reminded: number; smsSent: number; smsFailed: number; notice: Notice }>(`/notices/${encodeURIComponent(id)}/remind`);
