import { appendFileSync, chmodSync, createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

/**
 * Audit checkpoints anchor the chain outside the database: (seq, keyed hash, time) of the head,
 * appended to `<dataDir>/audit-checkpoints.jsonl` and written to the server log every hour and at
 * start, and at every backup (also into the backup's header). Someone who deletes the newest
 * entries and resets the head cannot reach these copies; `quntuan audit verify --checkpoints <file>`
 * then names the first missing entry. The hash is the chain's HMAC, so it cannot be made up either.
 */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
}

export const checkpointFileName = 'audit-checkpoints.jsonl';
export const checkpointFile = (dataDir: string) => join(dataDir, checkpointFileName);
const hourMs = 3600_000;

/** The chain's head now, as a checkpoint. */
export async function takeCheckpoint(db: Kysely<DB>, now: () => Date): Promise<AuditCheckpoint> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash, at: now().toISOString() };
}

/** Appends one checkpoint line to the data directory's file (mode 600); returns the file. */
export function appendCheckpoint(dataDir: string, cp: AuditCheckpoint): string {
  mkdirSync(dataDir, { recursive: true });
  const file = checkpointFile(dataDir);
  const fresh = !existsSync(file);
  appendFileSync(file, `${JSON.stringify({ seq: cp.seq, hash: cp.hash, at: cp.at })}\n`, { mode: 0o600 });
  if (fresh) chmodSync(file, 0o600);
  return file;
}

function asCheckpoint(v: unknown): AuditCheckpoint | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (!Number.isInteger(o.seq) || (o.seq as number) < 0 || typeof o.hash !== 'string' || !/^[0-9a-f]{64}$/.test(o.hash) || typeof o.at !== 'string') return null;
  return { seq: o.seq as number, hash: o.hash, at: o.at };
}

/** The checkpoints in one JSON object: a checkpoint line, a server-log line, a backup header. */
function checkpointsIn(v: unknown): AuditCheckpoint[] {
  const own = asCheckpoint(v);
  if (own) return [own];
  if (!v || typeof v !== 'object') return [];
  const o = v as { auditCheckpoint?: unknown; auditCheckpoints?: unknown };
  const nested = asCheckpoint(o.auditCheckpoint);
  if (nested) return [nested];
  return Array.isArray(o.auditCheckpoints) ? o.auditCheckpoints.map(asCheckpoint).filter((c): c is AuditCheckpoint => c !== null) : [];
}

async function gzipFirstLine(file: string): Promise<string> {
  const gz = createReadStream(file).pipe(createGunzip());
  let text = '';
  try {
    for await (const chunk of gz) {
      text += (chunk as Buffer).toString('utf8');
      const i = text.indexOf('\n');
      if (i >= 0) return text.slice(0, i);
    }
    return text;
  } finally {
    gz.destroy();
  }
}

/**
 * Every checkpoint in a file: the data directory's checkpoint file, a server log (JSON lines; the
 * other lines are skipped) or a backup file (its header). Throws a Chinese message when none is found.
 */
export async function readCheckpoints(file: string): Promise<AuditCheckpoint[]> {
  if (!existsSync(file)) throw new Error(`找不到检查点文件：${file}`);
  const head = readFileSync(file).subarray(0, 2);
  const isGzip = head[0] === 0x1f && head[1] === 0x8b;
  const lines = isGzip ? [await gzipFirstLine(file)] : readFileSync(file, 'utf8').split('\n');
  const found: AuditCheckpoint[] = [];
  for (const line of lines) {
    if (!line.trim().startsWith('{')) continue;
    try {
      found.push(...checkpointsIn(JSON.parse(line)));
    } catch {
      // a line that is not JSON (a log may hold some): not a checkpoint
    }
  }
  if (found.length === 0) throw new Error(`文件 ${file} 中没有审计检查点`);
  return found;
}

/** The newest checkpoint: the highest seq (the later time among equal ones). */
export function newestCheckpoint(cps: AuditCheckpoint[]): AuditCheckpoint | null {
  let best: AuditCheckpoint | null = null;
  for (const cp of cps) if (!best || cp.seq > best.seq || (cp.seq === best.seq && cp.at > best.at)) best = cp;
  return best;
}

/**
 * The server's checkpoints: one now and one every hour, to the file and the log. One timer per
 * server process (several instances on one PostgreSQL each write their own); `stop` ends it and
 * `flush` waits for the write under way.
 */
export function startCheckpointTimer(
  deps: { db: Kysely<DB>; dataDir: string; now: () => Date },
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  everyMs = hourMs,
): { stop: () => void; flush: () => Promise<void> } {
  const write = async () => {
    try {
      const cp = await takeCheckpoint(deps.db, deps.now);
      appendCheckpoint(deps.dataDir, cp);
      log.info({ auditCheckpoint: cp }, '审计检查点 (audit checkpoint)');
    } catch (err) {
      log.error({ err }, '审计检查点写入失败 (audit checkpoint failed)');
    }
  };
  let last = write();
  const timer = setInterval(() => {
    last = last.then(write);
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), flush: () => last };
}
