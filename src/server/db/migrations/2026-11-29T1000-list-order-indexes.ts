import type { Kysely } from 'kysely';

// Ledger lists show the newest records first (date desc, id desc). Without an index in that order
// the database sorted the whole subtree for every page: at 1M assistance records a county's first
// page took 1.5 s. With it, and the list's unit conditions written as per-row probes
// (catalogs/ledger-kit.ts ledgerUnitConditions), the first page is read in order and stops when
// full: 0.2 ms (`npx tsx bench/metrics.ts`). Not partial: the 已删除 view walks the same index.
const lists = [
  ['assistance_list', 'assistance', 'given_on'],
  ['activities_list', 'activities', 'start_on'],
  ['contracts_list', 'contracts', 'signed_on'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, date] of lists) {
    await db.schema.createIndex(name).on(table).columns([`${date} desc`, 'id desc']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of lists) await db.schema.dropIndex(name).execute();
}
