import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { freshDatabase } from '../../../../test/test-db';
import { type Database, migrateToLatest, openDatabase } from '../../db/database';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/types';
import { loadConfig } from '../../config';
import { startServer } from '../../main';
import { keyAuditAfterMigrations } from '../../runtime';
import { createCrypto } from '../../security/crypto';
import { type ChainEntry, chainHasher, genesis, keyedScheme, plainScheme } from './audit.chain';
import { appendCheckpoint, checkpointFile, readCheckpoints, startCheckpointTimer, takeCheckpoint } from './audit.checkpoints';
import { keyAuditChain, keyingMigration } from './audit.rekey';
import { appendAudit, verifyAudit } from './audit.service';

const sha256Chain = chainHasher(plainScheme, createCrypto('unused-unused-unused-unused-unused-0'));

async function dropGuards(db: Kysely<DB>, dialect: Database['dialect']): Promise<void> {
  if (dialect === 'postgres') await sql`DROP TRIGGER audit_log_no_change ON audit_log`.execute(db);
  else {
    await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
  }
}

/** What someone holding only the database can do: recompute plain SHA-256 from `fromSeq` on, and the head. */
async function rehashPlain(db: Kysely<DB>, fromSeq: number): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', fromSeq).orderBy('seq').execute();
  const before = await db.selectFrom('audit_log').select('hash').where('seq', '=', fromSeq - 1).executeTakeFirst();
  let prev = before?.hash ?? genesis;
  for (const r of rows) {
    const { hash: _old, ...entry } = r;
    const hash = sha256Chain({ ...entry, seq: Number(r.seq), prev_hash: prev });
    await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
    prev = hash;
  }
  await db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

describe('audit log: the keyed chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const root = await buildUnit(t.sys, { code: 'A', kind: 'party_committee' });
    for (let i = 0; i < 5; i++) await buildUnit(t.sys, { parentId: root.id });
  });
  afterAll(() => t?.close());

  it('chains every write under the audit key and verifies', async () => {
    expect(await verifyAudit(t.database.db, t.crypto)).toEqual({ ok: true, entries: 6 });
    const head = await t.database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(head.scheme).toBe(keyedScheme);
    // the hash needs the secret: another secret finds the very first entry wrong
    const other = createCrypto('another-secret-another-secret-0123456789');
    expect(await verifyAudit(t.database.db, other)).toMatchObject({ ok: false, brokenSeq: 1, reason: expect.stringContaining('被修改') });
  });

  it('keeps the chain whole under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(t.sys, { action: 'test', entity: 'x', entityId: String(i) })));
    expect(await verifyAudit(t.database.db, t.crypto)).toEqual({ ok: true, entries: 26 });
  });

  it('refuses UPDATE (the hash columns too) and DELETE at the database level', async () => {
    await expect(sql`UPDATE audit_log SET detail = '{}' WHERE seq = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET hash = prev_hash WHERE seq = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('the attack: triggers dropped, row K edited, plain SHA-256 recomputed from K and the head updated — verify names K', async () => {
    const db = t.database.db;
    await dropGuards(db, t.database.dialect);
    await sql`UPDATE audit_log SET detail = '{"name":"改过"}' WHERE seq = 3`.execute(db);
    await rehashPlain(db, 3);
    expect(await verifyAudit(db, t.crypto)).toMatchObject({ ok: false, entries: 2, brokenSeq: 3, reason: expect.stringContaining('被修改') });
    // and passing the whole chain off as an old plain one (every hash and the head downgraded) does not get through either
    await rehashPlain(db, 1);
    await db.updateTable('audit_head').set({ scheme: plainScheme }).where('id', '=', 1).execute();
    const downgraded = await verifyAudit(db, t.crypto);
    expect(downgraded).toMatchObject({ ok: false, reason: expect.stringContaining('未加密钥') });
    // nor is such a chain re-keyed when the server starts again: only right after the keying migration
    expect(await keyAuditAfterMigrations({ database: t.database, crypto: t.crypto, now: t.clock.now }, [])).toBeNull();
    expect(await verifyAudit(db, t.crypto)).toEqual(downgraded);
  });
});

describe('audit log: a deleted entry and a cut tail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const root = await buildUnit(t.sys, { code: 'C', kind: 'party_committee' });
    for (let i = 0; i < 5; i++) await buildUnit(t.sys, { parentId: root.id });
  });
  afterAll(() => t?.close());

  it('names the deleted entry, leaves the others as they were, and names a cut tail against the head', async () => {
    const db = t.database.db;
    const seqs = async () => (await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(await seqs()).toEqual([1, 2, 3, 4, 5, 6]);
    const around = await db.selectFrom('audit_log').selectAll().where('seq', 'in', [2, 3, 4]).orderBy('seq').execute();
    // each entry names the hash of the one before it: 2 ← 3 ← 4
    expect([around[1].prev_hash, around[2].prev_hash]).toEqual([around[0].hash, around[1].hash]);
    await dropGuards(db, t.database.dialect);
    await sql`DELETE FROM audit_log WHERE seq = 3`.execute(db);
    expect(await verifyAudit(db, t.crypto)).toMatchObject({ ok: false, brokenSeq: 3, reason: expect.stringContaining('缺失') });
    expect(await seqs()).toEqual([1, 2, 4, 5, 6]);
    expect(await db.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow()).toEqual(around[2]);
    await sql`DELETE FROM audit_log WHERE seq >= 3`.execute(db);
    expect(await seqs()).toEqual([1, 2]);
    expect(await verifyAudit(db, t.crypto)).toMatchObject({ ok: false, entries: 2, brokenSeq: 3, reason: expect.stringContaining('截断') });
  });
});

describe('audit log: checkpoints outside the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const root = await buildUnit(t.sys, { code: 'B', kind: 'party_committee' });
    for (let i = 0; i < 7; i++) await buildUnit(t.sys, { parentId: root.id });
  });
  afterAll(() => t?.close());

  it('the attack: the newest entries deleted and the head reset — verify with checkpoints names the first missing entry', async () => {
    const db = t.database.db;
    const dir = t.config.dataDir;
    appendCheckpoint(dir, await takeCheckpoint(db, t.clock.now)); // 8 entries
    await buildUnit(t.sys, { code: 'B-late', kind: 'other' });
    t.clock.advance(3600_000);
    appendCheckpoint(dir, await takeCheckpoint(db, t.clock.now)); // 9 entries: the newest checkpoint
    const file = checkpointFile(dir);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    const checkpoints = await readCheckpoints(file);
    expect(await verifyAudit(db, t.crypto, { checkpoints })).toEqual({ ok: true, entries: 9, checkpoint: { seq: 9, at: checkpoints[1].at } });

    await dropGuards(db, t.database.dialect);
    const kept = await db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', 6).executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_log WHERE seq > 6`.execute(db);
    await db.updateTable('audit_head').set({ seq: 6, hash: kept.hash }).where('id', '=', 1).execute();
    // the chain alone cannot tell: what is left is whole
    expect(await verifyAudit(db, t.crypto)).toEqual({ ok: true, entries: 6 });
    expect(await verifyAudit(db, t.crypto, { checkpoints })).toMatchObject({ ok: false, entries: 6, brokenSeq: 7, reason: expect.stringContaining('截断') });

    // the same checkpoint read from a server log line and from a backup header
    const log = join(mkdtempSync(join(tmpdir(), 'quntuan-log-')), 'server.log');
    const newest = checkpoints[1];
    writeFileSync(log, `not json\n${JSON.stringify({ level: 30, msg: '审计检查点', auditCheckpoint: newest })}\n{"level":30,"msg":"other"}\n`);
    expect(await readCheckpoints(log)).toEqual([newest]);
    expect(await verifyAudit(db, t.crypto, { checkpoints: await readCheckpoints(log) })).toMatchObject({ ok: false, brokenSeq: 7 });
    writeFileSync(log, 'nothing here\n');
    await expect(readCheckpoints(log)).rejects.toThrow('没有审计检查点');
  });

  it('the server writes a checkpoint at start and every hour to the file and the log, until stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quntuan-cp-'));
    const logged: unknown[] = [];
    const log = { info: (o: object) => logged.push(o), error: (o: object) => logged.push({ error: o }) };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const timer = startCheckpointTimer({ db: t.database.db, dataDir: dir, now: t.clock.now }, log);
      await timer.flush();
      vi.advanceTimersByTime(3600_000);
      await timer.flush();
      timer.stop();
      vi.advanceTimersByTime(3 * 3600_000);
      await timer.flush();
    } finally {
      vi.useRealTimers();
    }
    const lines = readFileSync(checkpointFile(dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const head = await t.database.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect(lines[1]).toMatchObject({ seq: Number(head.seq), hash: head.hash });
    expect(logged).toEqual([{ auditCheckpoint: lines[0] }, { auditCheckpoint: lines[1] }]);
  });
});

describe('audit log: the server process', () => {
  it('writes a checkpoint when it starts and keeps one hourly timer, stopped when it closes', async () => {
    const fresh = await freshDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'quntuan-serve-'));
    const config = { ...loadConfig(), database: fresh.target, dataDir, logLevel: 'silent' as const, seedDemo: 'never' as const, secret: 'serve-test-secret-serve-test-secret-0123', adminPassword: 'Serve-test-2026!', digest: { enabled: false, hour: 8 } }; // the 待办 digest keeps a timer of its own
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const before = vi.getTimerCount();
      const { app, rt } = await startServer(config, { port: 0, host: '127.0.0.1' });
      try {
        expect(vi.getTimerCount()).toBe(before + 1);
        vi.advanceTimersByTime(3600_000);
        await app.close();
        expect(vi.getTimerCount()).toBe(before);
        vi.useRealTimers();
        const lines = () => (existsSync(checkpointFile(dataDir)) ? readFileSync(checkpointFile(dataDir), 'utf8').trim().split('\n') : []);
        await vi.waitUntil(() => lines().length === 2); // the one at start and the hourly one, each in its own write
        const head = await rt.database.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
        expect(JSON.parse(lines()[1])).toMatchObject({ seq: Number(head.seq), hash: head.hash });
      } finally {
        await rt.close();
      }
    } finally {
      vi.useRealTimers();
      await fresh.dispose();
    }
  });
});

describe('audit log: an existing plain chain is re-keyed once, right after the keying migration', () => {
  const crypto = createCrypto('rekey-test-secret-rekey-test-secret-0123');
  const now = () => new Date('2026-12-08T01:00:00.000Z');
  const opened: { database: Database; dispose: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened) {
      await o.database.close();
      await o.dispose();
    }
  });

  /** A database at the schema before keying, holding `n` plain-chained entries (entry `tamper` edited afterwards). */
  async function legacyDatabase(n: number, tamper?: number): Promise<Database> {
    const fresh = await freshDatabase();
    const database = openDatabase(fresh.target);
    opened.push({ database, dispose: fresh.dispose });
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf(keyingMigration) - 1];
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(before);
    if (error) throw error;
    const db = database.db as unknown as Kysely<any>;
    let prev = genesis;
    for (let seq = 1; seq <= n; seq++) {
      const entry: ChainEntry = {
        seq, id: `legacy-${seq}`, at: `2026-11-0${1 + (seq % 9)}T00:00:00.000Z`, actor_id: null, actor_name: 'system:test', action: 'create',
        entity: 'org', entity_id: `org-${seq}`, org_id: null, ip: null, detail: JSON.stringify({ n: seq }), prev_hash: prev,
      };
      const hash = sha256Chain(entry);
      await db.insertInto('audit_log').values({ ...entry, detail: seq === tamper ? '{"n":"改过"}' : entry.detail, hash }).execute();
      prev = hash;
    }
    await db.updateTable('audit_head').set({ seq: n, hash: prev }).where('id', '=', 1).execute();
    return database;
  }

  it('re-keys a whole plain chain, audits the re-key, and verifies; a second start does nothing', async () => {
    const database = await legacyDatabase(30);
    const applied = await migrateToLatest(database.db);
    expect(applied).toContain(keyingMigration);
    expect(await verifyAudit(database.db, crypto)).toMatchObject({ ok: false, reason: expect.stringContaining('未加密钥') });
    expect(await keyAuditAfterMigrations({ database, crypto, now }, applied)).toEqual({ status: 'rekeyed', entries: 30 });
    expect(await verifyAudit(database.db, crypto)).toEqual({ ok: true, entries: 31 });
    const last = await database.db.selectFrom('audit_log').selectAll().where('seq', '=', 31).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'audit_rekey', entity: 'audit_log', actor_name: 'system:audit-rekey' });
    expect(JSON.parse(last.detail)).toMatchObject({ from: plainScheme, to: keyedScheme, entries: 30 });
    expect(await keyAuditChain({ db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'again' }, now, log: console, crypto, ip: null })).toEqual({ status: 'keyed' });
    expect(await verifyAudit(database.db, crypto)).toEqual({ ok: true, entries: 31 });
    // the re-keyed chain holds against the plain-hash attack like any other
    await dropGuards(database.db, database.dialect);
    await sql`UPDATE audit_log SET detail = '{"n":0}' WHERE seq = 12`.execute(database.db);
    await rehashPlain(database.db, 12);
    expect(await verifyAudit(database.db, crypto)).toMatchObject({ ok: false, brokenSeq: 12 });
  });

  it('does not launder a broken plain chain: the break stays and is named', async () => {
    const database = await legacyDatabase(10, 4);
    const applied = await migrateToLatest(database.db);
    expect(await keyAuditAfterMigrations({ database, crypto, now }, applied)).toMatchObject({ status: 'refused', brokenSeq: 4 });
    expect(await verifyAudit(database.db, crypto)).toMatchObject({ ok: false, brokenSeq: 4, reason: expect.stringContaining('被修改') });
    const head = await database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: 10, scheme: plainScheme });
  });
});
