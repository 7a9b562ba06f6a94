import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { type Kysely, Migrator, sql, type Transaction } from 'kysely';
import { type Database, migrateToLatest } from '../../server/db/database';
import { migrations } from '../../server/db/migrations/index';
import { InputError } from '../support';
import { backupFormat, type BackupHeader, backupVersion, decodeValue, type EndMarker, type TableMarker } from './format';
import { discoverTables, type TableInfo } from './tables';

/** Lines of a gzip file; a file that is not gzip ends in an InputError. */
async function* readLines(file: string): AsyncGenerator<string> {
  const src = createReadStream(file);
  const gz = createGunzip();
  src.on('error', (e) => gz.destroy(e));
  src.pipe(gz);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gz) {
      rest += decoder.write(chunk as Buffer);
      let i: number;
      while ((i = rest.indexOf('\n')) >= 0) {
        const line = rest.slice(0, i);
        rest = rest.slice(i + 1);
        if (line) yield line;
      }
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new InputError(`找不到备份文件：${file}`);
    throw new InputError(`不是有效的备份文件（无法解压：${err.message}）`);
  } finally {
    src.destroy();
    gz.destroy();
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function parseLine(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new InputError(`备份文件第 ${lineNo} 行不是有效的 JSON，文件已损坏`);
  }
}

function checkHeader(h: unknown): BackupHeader {
  const header = h as Partial<BackupHeader> | null;
  if (!header || header.format !== backupFormat) throw new InputError('不是群团工作平台的备份文件（缺少文件头）');
  if (header.version !== backupVersion) throw new InputError(`备份格式版本 ${String(header.version)} 不受支持（本程序支持版本 ${backupVersion}）`);
  const known = new Set(Object.keys(migrations));
  const unknown = (header.migrations ?? []).filter((m) => !known.has(m));
  if (unknown.length) throw new InputError(`备份来自更新版本的系统，包含本程序不认识的数据库迁移：${unknown.join('、')}`);
  return header as BackupHeader;
}

/** True when the database holds no records yet (a fresh or merely migrated database). */
export async function isEmptyDatabase(database: Database): Promise<boolean> {
  const db = database.db as unknown as Kysely<any>;
  const present = new Set((await discoverTables(db, database.dialect)).map((t) => t.name));
  for (const table of ['audit_log', 'users', 'org_units', 'people']) {
    if (!present.has(table)) continue;
    if (await db.selectFrom(table).select(sql`1`.as('x')).limit(1).executeTakeFirst()) return false;
  }
  if (present.has('audit_head')) {
    const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    if (head && Number(head.seq) > 0) return false;
  }
  return true;
}

async function migrateTo(db: Kysely<any>, last: string | undefined): Promise<void> {
  if (!last) return;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateTo(last);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
    throw new Error(`数据库迁移失败 (migration ${failed}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface RestoreOptions {
  keyCheck: string | null;
  onStart?: (header: BackupHeader) => void;
  onRows?: (count: number) => void;
  /** rows per INSERT (at most 500); tests lower it to check the order across statements */
  batchRows?: number;
}

/**
 * Restores a backup into an EMPTY database of either dialect: migrates to the backup's schema
 * version, inserts every table in one transaction (in file order, which is foreign-key order),
 * then applies any newer migrations. The audit chain is copied as-is, so it verifies afterwards.
 */
export async function restoreBackup(database: Database, file: string, opts: RestoreOptions): Promise<{ header: BackupHeader; rows: number }> {
  const lines = readLines(file);
  try {
    return await restoreFrom(database, lines, opts);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreFrom(database: Database, lines: AsyncGenerator<string>, opts: RestoreOptions): Promise<{ header: BackupHeader; rows: number }> {
  const first = await lines.next();
  if (first.done) throw new InputError('备份文件是空的');
  const header = checkHeader(parseLine(first.value, 1));
  if (header.keyCheck && opts.keyCheck !== header.keyCheck) {
    throw new InputError(
      '加密密钥与备份时不同：身份证号等加密字段将无法解密。请设置与备份时相同的 QUNTUAN_SECRET（或把原 data/secret.key 复制到数据目录）后重试；未写入任何数据',
    );
  }
  if (!(await isEmptyDatabase(database))) {
    throw new InputError('目标数据库不是空的：恢复只能写入新建的空数据库（请换一个 DATABASE_URL，或先清空目标库）；未写入任何数据');
  }
  const db = database.db as unknown as Kysely<any>;
  await migrateTo(db, header.migrations.at(-1));
  const target = new Map((await discoverTables(db, database.dialect)).map((t) => [t.name, t]));
  opts.onStart?.(header);

  const rows = await db.transaction().execute(async (trx) => {
    if (database.dialect === 'sqlite') await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
    // rows a migration itself inserted (the audit head) are replaced by the backup's
    for (const t of [...header.tables].reverse()) {
      if (t.name !== 'audit_log' && t.name !== 'audit_head' && target.has(t.name)) await trx.deleteFrom(t.name).execute();
    }
    return insertAll(trx, lines, header, target, database.dialect, opts);
  });
  await migrateToLatest(database.db);
  return { header, rows };
}

async function insertAll(
  trx: Transaction<any>,
  lines: AsyncGenerator<string>,
  header: BackupHeader,
  target: Map<string, TableInfo>,
  dialect: Database['dialect'],
  opts: RestoreOptions,
): Promise<number> {
  let current: TableMarker | null = null;
  let batch: Record<string, unknown>[] = [];
  let batchSize = 500;
  let lineNo = 1;
  let total = 0;
  const perTable = new Map<string, number>();
  const flush = async () => {
    if (!current || batch.length === 0) return;
    if (current.table === 'audit_head') {
      // the head row exists from the migration; the audit_log triggers do not cover it (its scheme too)
      for (const { id, ...rest } of batch) await trx.updateTable('audit_head').set(rest).where('id', '=', id).execute();
    } else {
      await trx.insertInto(current.table).values(batch).execute();
    }
    opts.onRows?.(batch.length);
    batch = [];
  };
  for await (const line of lines) {
    lineNo++;
    const v = parseLine(line, lineNo);
    if (Array.isArray(v)) {
      if (!current || v.length !== current.columns.length) throw new InputError(`备份文件第 ${lineNo} 行与表结构不符，文件已损坏`);
      const cols = current.columns;
      batch.push(Object.fromEntries(cols.map((c, i) => [c, decodeValue(v[i], dialect)])));
      total++;
      perTable.set(current.table, (perTable.get(current.table) ?? 0) + 1);
      if (batch.length >= batchSize) await flush();
      continue;
    }
    await flush();
    const obj = v as Partial<TableMarker & EndMarker>;
    if (obj.end) {
      if (obj.rows !== total) throw new InputError(`备份文件不完整：应有 ${obj.rows} 行，读到 ${total} 行；未恢复任何数据`);
      for (const t of header.tables) {
        if ((perTable.get(t.name) ?? 0) !== t.rows) throw new InputError(`备份文件中表 ${t.name} 的行数与文件头不符；未恢复任何数据`);
      }
      return total;
    }
    if (!obj.table || !Array.isArray(obj.columns)) throw new InputError(`备份文件第 ${lineNo} 行无法识别，文件已损坏`);
    const t = target.get(obj.table);
    if (!t) throw new InputError(`备份中的表 ${obj.table} 在目标数据库中不存在`);
    const missing = obj.columns.filter((c) => !t.columns.includes(c));
    if (missing.length) throw new InputError(`备份中表 ${obj.table} 的列 ${missing.join('、')} 在目标数据库中不存在`);
    current = { table: obj.table, columns: obj.columns };
    // stay well under the bound-parameter limits (SQLite 32766, PostgreSQL 65535)
    batchSize = Math.max(1, Math.min(opts.batchRows ?? 500, Math.floor(30000 / Math.max(1, obj.columns.length))));
  }
  throw new InputError('备份文件不完整（缺少结束标记），可能在写入时中断；未恢复任何数据');
}
