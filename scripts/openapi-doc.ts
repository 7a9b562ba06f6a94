// The server's OpenAPI document, built from the same `buildApp` the server runs (no server started,
// no database file: a migrated in-memory SQLite, since some modules tidy up when the app starts). `scripts/api-types.mjs` turns it into
// the web's types.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig, type Config } from '../src/server/config';
import { migrateToLatest, openDatabase } from '../src/server/db/database';
import { createCrypto } from '../src/server/security/crypto';

export async function openapiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quntuan-openapi-'));
  const config: Config = {
    ...loadConfig({}),
    database: { kind: 'sqlite', file: ':memory:' },
    dataDir,
    webDir: join(dataDir, 'no-web'),
    logLevel: 'silent',
    secret: 'openapi-document-secret-openapi-document-secret',
    adminPassword: undefined,
  };
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const app = await buildApp({ config, database, crypto: createCrypto(config.secret as string), now: () => new Date(0) }, { logger: false });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
