import type { Config } from './config';
import type { Actor, Ctx } from './context';
import { type Database, migrateToLatest, openDatabase } from './db/database';
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
  if (opts.migrate !== false) await migrateToLatest(database.db);
  const crypto = createCrypto(loadOrCreateSecret(config.secret, config.dataDir));
  return { config, database, crypto, now: opts.now ?? (() => new Date()), close: () => database.close() };
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
