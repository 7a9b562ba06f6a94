import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from '../../server/db/database';
import type { AuditCheckpoint } from '../../server/modules/audit/audit.checkpoints';
import { backupFormat, type BackupHeader, backupVersion, encodeValue } from './format';
import { discoverTables, sortSelfReferencing, type TableInfo } from './tables';

export interface BackupSummary {
  file: string;
  bytes: number;
  createdAt: string;
  rows: number;
  tables: { name: string; rows: number }[];
  /** the audit chain's head in the snapshot, also in the header */
  auditCheckpoint: AuditCheckpoint;
}

/**
 * Tables a backup leaves out: transient copies of personal data or one-time secrets — an upload waiting for
 * its confirmation (a workbook full of ID numbers), an unread one-time password sheet (after a restore the
 * administrator resets those passwords instead).
 */
export const notBackedUp = new Set(['import_uploads', 'import_credentials']);

export interface BackupOptions {
  keyCheck: string | null;
  now: () => Date;
  onStart?: (totalRows: number) => void;
  onRows?: (count: number) => void;
}

const pageSize = 2000;

async function* tableRows(trx: Transaction<any>, t: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  const order = t.primaryKey.length ? t.primaryKey : t.columns;
  let q = trx.selectFrom(t.name).selectAll();
  for (const c of order) q = q.orderBy(c);
  if (t.selfRefs.length) {
    // parents before children, so a restore never points at a row not yet inserted (small tables: the tree)
    const all = sortSelfReferencing(await q.execute(), t.selfRefs);
    for (let i = 0; i < all.length; i += pageSize) yield all.slice(i, i + pageSize);
    return;
  }
  for (let offset = 0; ; offset += pageSize) {
    const rows = await q.limit(pageSize).offset(offset).execute();
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
  }
}

/**
 * Writes every application table to a gzip JSON-lines file from one consistent snapshot
 * (one read transaction; repeatable read on PostgreSQL). Written to a temporary name first and
 * renamed at the end, so a failed run never leaves a file that looks complete.
 */
export async function writeBackup(database: Database, file: string, opts: BackupOptions): Promise<BackupSummary> {
  const db = database.db as unknown as Kysely<any>;
  const tmp = `${file}.partial-${process.pid}`;
  const begin = database.dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  const createdAt = opts.now().toISOString();
  try {
    const summary = await begin.execute(async (trx) => {
      const tables = (await discoverTables(trx, database.dialect)).filter((t) => !notBackedUp.has(t.name));
      const migrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)).rows.map((r) => r.name);
      const counted: BackupHeader['tables'] = [];
      for (const t of tables) {
        const r = await trx.selectFrom(t.name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        counted.push({ name: t.name, rows: Number(r.n) });
      }
      const total = counted.reduce((s, t) => s + t.rows, 0);
      const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
      const auditCheckpoint: AuditCheckpoint = { seq: Number(head.seq), hash: String(head.hash), at: createdAt };
      const header: BackupHeader = {
        format: backupFormat,
        version: backupVersion,
        dialect: database.dialect,
        createdAt,
        migrations,
        keyCheck: opts.keyCheck,
        tables: counted,
        auditCheckpoints: [auditCheckpoint],
      };
      opts.onStart?.(total);
      async function* lines(): AsyncGenerator<string> {
        yield `${JSON.stringify(header)}\n`;
        for (const t of tables) {
          yield `${JSON.stringify({ table: t.name, columns: t.columns })}\n`;
          for await (const rows of tableRows(trx, t)) {
            yield rows.map((r) => `${JSON.stringify(t.columns.map((c) => encodeValue(r[c])))}\n`).join('');
            opts.onRows?.(rows.length);
          }
        }
        yield `${JSON.stringify({ end: true, rows: total })}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(tmp, { mode: 0o600 }));
      return { rows: total, tables: counted, auditCheckpoint };
    });
    renameSync(tmp, file);
    return { file, bytes: statSync(file).size, createdAt, ...summary };
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
