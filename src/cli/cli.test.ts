import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/test-db';
import { loadConfig } from '../server/config';
import { type Database, migrateToLatest, openDatabase } from '../server/db/database';
import { verifyAudit } from '../server/modules/audit/audit.service';
import { createOrg, updateOrg } from '../server/modules/orgs/orgs.service';
import { createUser } from '../server/modules/users/users.service';
import { systemCtx } from '../server/runtime';
import { createCrypto } from '../server/security/crypto';
import { keyCheckText } from './dump/format';
import { isEmptyDatabase, restoreBackup } from './dump/read';
import { writeBackup } from './dump/write';
import { startProgress } from './progress';
import { InputError } from './support';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const secret = 'cli-test-secret-cli-test-secret-0123456789';
// the spawned CLI always runs on SQLite files; in the PostgreSQL run only the in-process tests run
const onPostgresRun = Boolean(loadConfig().testDatabaseUrl);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quntuan-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], opts: { input?: string; db?: string } = {}) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/quntuan.js'), ...args], {
    cwd: repoRoot,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    // a clean environment: only what the CLI reads
    env: { DATABASE_URL: `file:${opts.db ?? join(dir, 'q.db')}`, QUNTUAN_DATA_DIR: dir, QUNTUAN_SECRET: secret, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withSqlite<T>(file: string, fn: (db: SQLite.Database) => T): T {
  const db = new SQLite(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function tableCounts(file: string): Record<string, number> {
  return withSqlite(file, (db) => {
    const names = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`).all() as { name: string }[];
    return Object.fromEntries(names.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
  });
}

// each test spawns the CLI a few times (≈ 1 s each, more on a busy machine)
describe.skipIf(onPostgresRun)('quntuan CLI (spawned, SQLite)', { timeout: 120_000 }, () => {
  it('answers an unknown command with the usage and exit code 2', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令：frobnicate');
    expect(r.stderr).toContain('quntuan org add <code>');
  });

  it('migrates and names the migrations applied', () => {
    const r = cli(['migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-11-28T0900-foundation');
  });

  it('adds a unit, and refuses a bad division code or kind with exit 1 and a Chinese message naming the flag', () => {
    const ok = cli(['org', 'add', 'county', '--name', '林甸县委', '--kind', 'party_committee', '--division', '230623', '--established', '1950-01-01', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ code: 'county', name: '林甸县委', kind: 'party_committee', level: 'county', establishedOn: '1950-01-01' });

    const badDivision = cli(['org', 'add', 'town-a', '--name', '花园镇', '--kind', 'womens_federation', '--parent', 'county', '--division', '23062']);
    expect(badDivision.code).toBe(1);
    expect(badDivision.stderr).toContain('--division：行政区划代码应为 6、9 或 12 位数字');

    const badKind = cli(['org', 'add', 'town-b', '--name', '红旗镇', '--kind', 'club', '--parent', 'county']);
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain('--kind：组织类型应为');
    const codes = withSqlite(join(dir, 'q.db'), (db) => db.prepare('select code from org_units').all());
    expect(codes).toEqual([{ code: 'county' }]);
  });

  it('adds a user with the password from stdin, refusing a weak one with exit 1', () => {
    const weak = cli(['user', 'add', 'clerk', '--role', 'staff', '--org', 'county'], { input: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码至少 10 个字符');
    const ok = cli(['user', 'add', 'clerk', '--role', 'staff', '--org', 'county'], { input: 'Lin-dian-2026\nignored\n' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已新增用户 clerk');
    const users = withSqlite(join(dir, 'q.db'), (db) =>
      db.prepare('select u.username, g.role from users u join user_grants g on g.user_id = u.id').all(),
    );
    expect(users).toEqual([{ username: 'clerk', role: 'staff' }]);
  });

  it('verifies the audit log, backs up, restores into a fresh database with equal counts, and refuses a non-empty one', () => {
    const verify = cli(['audit', 'verify', '--json']);
    expect(verify.code).toBe(0);
    const entries = withSqlite(join(dir, 'q.db'), (db) => (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n);
    expect(JSON.parse(verify.stdout)).toEqual({ ok: true, entries });

    const file = join(dir, 'backup.jsonl.gz');
    const backup = cli(['backup', '-o', file]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('QUNTUAN_SECRET');
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]);
    expect(header).toMatchObject({ format: 'quntuan-backup', version: 1, dialect: 'sqlite', migrations: expect.arrayContaining(['2026-11-28T0900-foundation']) });
    // every backup is an audit checkpoint: in its header, in data/audit-checkpoints.jsonl and in the output
    expect(header.auditCheckpoints).toEqual([{ seq: entries + 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: header.createdAt }]);
    expect(header.tables.map((t: { name: string }) => t.name)).not.toContain('import_uploads');
    expect(header.tables.map((t: { name: string }) => t.name)).not.toContain('import_credentials');
    expect(readFileSync(join(dir, 'audit-checkpoints.jsonl'), 'utf8')).toBe(`${JSON.stringify(header.auditCheckpoints[0])}\n`);
    expect(backup.stdout).toContain(`审计检查点：第 ${entries + 1} 条`);

    const copy = join(dir, 'restored.db');
    const restore = cli(['restore', file], { db: copy });
    expect(restore.code).toBe(0);
    expect(tableCounts(copy)).toEqual(tableCounts(join(dir, 'q.db')));
    const again = cli(['audit', 'verify'], { db: copy });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`审计日志完整：${entries + 1} 条`); // + the backup's own entry

    const refused = cli(['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('目标数据库不是空的');
  });

  it('names the cut tail against the checkpoints when the newest entries and the head were reset together', () => {
    const file = join(dir, 'q.db');
    const checkpoints = join(dir, 'audit-checkpoints.jsonl');
    const whole = cli(['audit', 'verify', '--checkpoints', checkpoints, '--json']);
    expect(JSON.parse(whole.stdout)).toMatchObject({ ok: true, checkpoint: { seq: expect.any(Number) } });
    const { first, copy } = withSqlite(file, (db) => {
      const max = (db.prepare('select max(seq) as m from audit_log').get() as { m: number }).m;
      // a copy of the database to put back afterwards
      db.exec(`VACUUM INTO '${join(dir, 'q-before-cut.db')}'`);
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('delete from audit_log where seq >= ?').run(max - 1);
      const kept = db.prepare('select seq, hash from audit_log where seq = ?').get(max - 2) as { seq: number; hash: string };
      db.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(kept.seq, kept.hash);
      return { first: max - 1, copy: join(dir, 'q-before-cut.db') };
    });
    const alone = cli(['audit', 'verify']);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('--checkpoints');
    const cut = cli(['audit', 'verify', '--checkpoints', checkpoints]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain(`审计日志校验失败：第 ${first} 条 — 日志末尾被截断`);
    const fromBackup = cli(['audit', 'verify', '--checkpoints', join(dir, 'backup.jsonl.gz'), '--json']);
    expect(JSON.parse(fromBackup.stdout)).toMatchObject({ ok: false, brokenSeq: first });
    expect(cli(['audit', 'verify', '--checkpoints', join(dir, 'nowhere.jsonl')]).stderr).toContain('找不到检查点文件');
    writeFileSync(file, readFileSync(copy));
    expect(cli(['audit', 'verify', '--checkpoints', checkpoints]).code).toBe(0);
  });

  it('names the edited entry, and detects a deleted last entry', () => {
    const file = join(dir, 'q.db');
    const original = withSqlite(file, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      const row = db.prepare('select detail from audit_log where seq = 2').get() as { detail: string };
      db.prepare('update audit_log set detail = ? where seq = 2').run('{"name":"改过"}');
      return row.detail;
    });
    const edited = cli(['audit', 'verify']);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('第 2 条');
    expect(edited.stdout).toContain('被修改');

    const last = withSqlite(file, (db) => {
      db.prepare('update audit_log set detail = ? where seq = 2').run(original);
      db.exec('DROP TRIGGER audit_log_no_delete');
      const max = (db.prepare('select max(seq) as m from audit_log').get() as { m: number }).m;
      db.prepare('delete from audit_log where seq = ?').run(max);
      return max;
    });
    const cut = cli(['audit', 'verify', '--json']);
    expect(cut.code).toBe(1);
    expect(JSON.parse(cut.stdout)).toMatchObject({ ok: false, brokenSeq: last, reason: expect.stringContaining('截断') });
  });
});

describe('backup and restore (in process; into PostgreSQL in the PostgreSQL run)', () => {
  let source: Database;
  let target: { database: Database; dispose: () => Promise<void> };
  const crypto = createCrypto(secret);
  const keyCheck = crypto.blindIndex(keyCheckText);
  let file: string;

  beforeAll(async () => {
    source = openDatabase({ kind: 'sqlite', file: join(dir, 'source.db') });
    await migrateToLatest(source.db);
    const ctx = systemCtx({ database: source, crypto, now: () => new Date() }, 'test');
    const child = await createOrg(ctx, { code: 'child', name: '先建的下级', kind: 'other' });
    const parent = await createOrg(ctx, { code: 'parent', name: '后建的上级', kind: 'party_committee' });
    // the child row sorts first by id but must be restored after its parent
    await updateOrg(ctx, child.id, { parentId: parent.id });
    await createUser(ctx, { username: 'viewer1', displayName: '查看者', password: 'Lin-dian-2026', grants: [{ role: 'viewer', orgId: 'child' }] });
    file = join(dir, 'inproc.jsonl.gz');
    await writeBackup(source, file, { keyCheck, now: () => new Date() });
    const fresh = await freshDatabase();
    target = { database: openDatabase(fresh.target), dispose: fresh.dispose };
  });
  afterAll(async () => {
    await source?.close();
    await target?.database.close();
    await target?.dispose();
  });

  it('refuses a cut-short file and a different secret, writing nothing', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    await expect(restoreBackup(target.database, cut, { keyCheck })).rejects.toThrow(/不完整/);
    await expect(restoreBackup(target.database, file, { keyCheck: 'another key' })).rejects.toThrow(InputError);
    expect(await isEmptyDatabase(target.database)).toBe(true);
  });

  it(`restores into an empty database and the audit chain verifies`, async () => {
    const { rows } = await restoreBackup(target.database, file, { keyCheck, batchRows: 1 });
    expect(rows).toBeGreaterThan(0);
    const db = target.database.db;
    const child = await db.selectFrom('org_units as c').innerJoin('org_units as p', 'p.id', 'c.parent_id').select('p.code').where('c.code', '=', 'child').executeTakeFirstOrThrow();
    expect(child.code).toBe('parent');
    const sourceAudit = await verifyAudit(source.db, crypto);
    expect(await verifyAudit(db, crypto)).toEqual(sourceAudit);
    expect(sourceAudit.ok).toBe(true);
    // the backup's header carries the checkpoint of its snapshot; the restored chain reaches it
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]);
    expect(header.auditCheckpoints).toEqual([expect.objectContaining({ seq: sourceAudit.entries })]);
    expect(await verifyAudit(db, crypto, { checkpoints: header.auditCheckpoints })).toMatchObject({ ok: true, checkpoint: { seq: sourceAudit.entries } });
    const user = await db.selectFrom('users').select('password_hash').where('username', '=', 'viewer1').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    await expect(restoreBackup(target.database, file, { keyCheck })).rejects.toThrow(/不是空的/);
  });

  it('prints a plain progress line when stderr is not a terminal', () => {
    const written: string[] = [];
    const p = startProgress('备份', 10, { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream);
    p.increment(4);
    p.update(10);
    p.stop();
    expect(written.at(-1)).toBe('备份：10/10（100%）\n');
    expect(existsSync(file)).toBe(true);
  });
});
