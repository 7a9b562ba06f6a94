import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { migrations } from './migrations/index';
import type { DB } from './types';

export type Dialect = 'sqlite' | 'postgres';
export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), sums of integers) as strings; convert once, here.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openDatabase(target: Config['database']): Database {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // an idle connection cut by the server (restart, failover) must not crash the process:
    // the pool drops that client and the next query opens a new one
    pool.on('error', (err) => process.stderr.write(`PostgreSQL idle connection lost: ${err.message}\n`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -32768'); // 32 MiB of pages: bulk imports touch many index pages (64 MiB measured no faster and took the 200k-row import past 500 MB)
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: reusingInserts(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const insertsKept = 64;

/**
 * The connection as Kysely's SQLite driver sees it, except that an INSERT statement is prepared
 * once per SQL text and reused (Kysely prepares every query anew; a bulk import sends the same
 * 500-row INSERT hundreds of times, and preparing it cost more than a second per 100k rows).
 * Only INSERTs: they are never iterated, so a reused statement is never busy. Same connection,
 * so a reused statement runs inside whatever transaction is open. At most 64 kept (oldest dropped).
 */
function reusingInserts(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  const prepare = (sql: string): SQLite.Statement => {
    if (!/^insert\s/i.test(sql)) return sqlite.prepare(sql);
    let stmt = kept.get(sql);
    if (!stmt) {
      stmt = sqlite.prepare(sql);
      if (kept.size >= insertsKept) kept.delete(kept.keys().next().value as string);
      kept.set(sql, stmt);
    }
    return stmt;
  };
  return { prepare, close: () => sqlite.close() };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations; returns the names applied. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? '(unknown)';
    throw new Error(`数据库迁移失败 (migration ${name} failed): ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
