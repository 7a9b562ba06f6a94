import type { Kysely } from 'kysely';
import { unwatchTables, watchTables } from './2026-11-29T0800-data-versions';

// Ledger list totals are cached against write counters too (src/server/db/count-cache.ts): the
// database moves a ledger's counter on every write to it. Measured on a 100k-row assistance import
// (SQLite row triggers): no CPU difference beyond the run-to-run noise (≈3%).
const ledgers = ['activities', 'assistance', 'loans', 'contracts'];

export async function up(db: Kysely<any>): Promise<void> {
  await watchTables(db, ledgers);
}

export async function down(db: Kysely<any>): Promise<void> {
  await unwatchTables(db, ledgers);
}
