import '../domain/zod-zh';
import type { Config } from './config';
import type { Actor, Ctx } from './context';
import { type Database, migrateToLatest, openDatabase } from './db/database';
import { keyAuditChain, keyingMigration, type RekeyResult } from './modules/audit/audit.rekey';
import { createCrypto, type Crypto, loadOrCreateSecret } from './security/crypto';

/** What the server and every CLI command share: the database, the keys and the clock. */
export interface Runtime {
  config: Config;
  database: Database;
  crypto: Crypto;
  now: () => Date;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, opts: { migrate?: boolean; now?: () => Date } = {}): Promise<Runtime> {
  const database = openDatabase(config.database);
  const applied = opts.migrate !== false ? await migrateToLatest(database.db) : [];
  const crypto = createCrypto(loadOrCreateSecret(config.secret, config.dataDir));
  const rt: Runtime = { config, database, crypto, now: opts.now ?? (() => new Date()), close: () => database.close() };
  await keyAuditAfterMigrations(rt, applied);
  return rt;
}

/**
 * Right after the migration that marks an existing chain unkeyed (2026-12-07T2345) was applied, the
 * chain is re-keyed once under the secret. Only then: a chain found unkeyed later was downgraded by
 * someone (or its re-key was refused) and is left for `quntuan audit verify` to report and
 * `quntuan audit rekey` to convert on purpose. A broken plain chain is never re-keyed.
 */
export async function keyAuditAfterMigrations(rt: Pick<Runtime, 'database' | 'crypto' | 'now'>, applied: string[]): Promise<RekeyResult | null> {
  if (!applied.includes(keyingMigration)) return null;
  const r = await keyAuditChain(systemCtx(rt, 'audit-rekey'));
  if (r.status === 'rekeyed') process.stderr.write(`审计日志已转换为密钥链（${r.entries} 条，转换本身记入审计日志）\n`);
  if (r.status === 'refused') {
    process.stderr.write(`审计日志旧链校验失败：第 ${r.brokenSeq} 条 — ${r.reason}；未转换为密钥链，请核查（quntuan audit verify）\n`);
  }
  return r;
}

const quietLog = { info() {}, warn() {}, error() {}, debug() {} };

/** A service context for CLI and start-up work, acting as the system on the whole tree. */
export function systemCtx(rt: Pick<Runtime, 'database' | 'crypto' | 'now'>, name: string, actor?: Actor): Ctx {
  return {
    db: rt.database.db,
    dialect: rt.database.dialect,
    actor: actor ?? { kind: 'system', name },
    now: rt.now,
    log: quietLog,
    crypto: rt.crypto,
    ip: null,
  };
}
