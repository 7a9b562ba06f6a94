/** Rows of the reminder digest (migration 2026-12-08T1600-todo-digest); the to-do list itself is never stored. */
export interface UserNotifySettingTable {
  user_id: string;
  /** the user's own mobile for reminders, AES-256-GCM; null: none given */
  phone_cipher: string | null;
  phone_masked: string | null;
  /** 1: the daily digest is wanted (the default), 0: the user opted out */
  digest_enabled: number;
  updated_at: string;
}
export interface DigestRunTable {
  /** the Shanghai day the digest is for, YYYY-MM-DD */
  day: string;
  instance: string;
  started_at: string;
  /** another instance may take the day over once this instant has passed without finished_at */
  lease_until: string;
  finished_at: string | null;
  sent: number;
}
export interface DigestDeliveryTable {
  user_id: string;
  day: string;
  at: string;
  /** 'sms' (sent through the provider), 'log' (no provider: written to the server log) */
  channel: string;
  items: number;
  text: string;
}
