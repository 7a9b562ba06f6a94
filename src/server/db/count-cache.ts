import type { Kysely } from 'kysely';
import type { DB } from './types';

/**
 * Exact list totals without counting again: a total is kept with the version numbers of the tables it
 * depends on (data_versions, bumped by database triggers on every write by anyone — this instance,
 * another one, an import, a restore). A request reads those numbers (one indexed query) before it
 * would count; when they are the ones the total was counted at, the total is still exact. Reading
 * the versions BEFORE counting keeps it safe: a write that lands during the count moves the version
 * on, so the next reader counts again.
 *
 * One cache per database handle (a test process runs many databases; a transaction gets its own,
 * dropped with it). Bounded: least recently used totals go first.
 */
const maxEntries = 2000;
const caches = new WeakMap<object, Map<string, { versions: string; total: number }>>();

export async function cachedCount(db: Kysely<DB>, tables: readonly string[], key: string, count: () => Promise<number>): Promise<number> {
  const rows = await db.selectFrom('data_versions').select(['name', 'version']).where('name', 'in', [...tables]).execute();
  if (rows.length !== tables.length) return count(); // a table not watched (yet): count every time
  const versions = rows
    .map((r) => `${r.name}:${String(r.version)}`)
    .sort()
    .join(',');
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.versions === versions) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.total;
  }
  const total = await count();
  cache.delete(key);
  cache.set(key, { versions, total });
  if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  return total;
}
