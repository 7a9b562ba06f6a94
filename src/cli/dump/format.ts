/**
 * The backup file: gzip-compressed JSON Lines, portable between SQLite and PostgreSQL.
 *   line 1   header (format, version, dialect, created time, migration names, tables with row counts)
 *   then     per table: {"table": name, "columns": [...]} followed by one JSON array per row
 *   last     {"end": true, "rows": total} — a file without it was cut short
 * Values are stored as read: text, numbers, null; binary as {"$b64": "..."}. Encrypted columns
 * (ID numbers, phones, addresses) stay ciphertext: restoring needs the same QUNTUAN_SECRET.
 * Stored import uploads (import_uploads) and unread one-time password sheets (import_credentials) are
 * never backed up: transient copies of workbooks full of ID numbers, and one-time secrets. The header carries the audit checkpoint taken in the backup's snapshot.
 */
import type { AuditCheckpoint } from '../../server/modules/audit/audit.checkpoints';

export const backupFormat = 'quntuan-backup';
export const backupVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  migrations: string[];
  /** HMAC of a fixed text under the blind-index key: tells whether a restore uses the same secret */
  keyCheck: string | null;
  tables: { name: string; rows: number }[];
  /** the audit chain's head in this snapshot (absent in backups made before 2026-12) */
  auditCheckpoints?: AuditCheckpoint[];
}

export interface TableMarker {
  table: string;
  columns: string[];
}

export interface EndMarker {
  end: true;
  rows: number;
}

export const keyCheckText = 'quntuan-backup-key-check-v1';
export const keyNotice = '注意：身份证号、手机号、住址等加密字段按密文原样保存；恢复时须使用相同的 QUNTUAN_SECRET（或原 data/secret.key）。';

export function encodeValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $b64: Buffer.from(v).toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export function decodeValue(v: unknown, target: 'sqlite' | 'postgres'): unknown {
  if (v !== null && typeof v === 'object' && '$b64' in v) return Buffer.from(String((v as { $b64: string }).$b64), 'base64');
  // SQLite binds no booleans; the schema keeps booleans as integers anyway
  if (typeof v === 'boolean' && target === 'sqlite') return v ? 1 : 0;
  return v;
}
