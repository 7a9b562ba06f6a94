import { http, request } from '../../ui/http';

export type TodoSeverity = 'overdue' | 'due' | 'info';
export interface TodoItem {
  kind: string;
  id: string;
  title: string;
  dueDate: string | null;
  severity: TodoSeverity;
  link: string;
  orgName?: string | null;
  note?: string;
}
export interface TodoGroup {
  kind: string;
  label: string;
  total: number;
  items: TodoItem[];
}
export interface TodoList {
  today: string;
  total: number;
  groups: TodoGroup[];
  digest: { text: string | null; sentAt: string | null; channel: 'sms' | 'log' | 'failed' | null };
}
export interface ReminderSettings {
  digestEnabled: boolean;
  phoneMasked: string | null;
  hour: number;
  schedulerEnabled: boolean;
  smsConfigured: boolean;
}

export const todoApi = {
  list: () => http.get<TodoList>('/todo'),
  count: () => http.get<{ today: string; total: number }>('/todo/count'),
  reminders: () => http.get<ReminderSettings>('/me/reminders'),
  setReminders: (body: { digestEnabled: boolean; phone?: string | null }) => request<ReminderSettings>('PUT', '/me/reminders', body),
};
