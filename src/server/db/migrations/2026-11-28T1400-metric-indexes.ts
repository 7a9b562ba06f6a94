import { type Kysely, sql } from 'kysely';

// Indexes for the metric engine (src/server/modules/metrics): per-unit, per-period aggregates over
// live ledger rows. Partial (deleted_at is null, as every metric query says) and covering the
// summed/distinct columns (and deleted_at itself: SQLite calls an index covering only when every
// column the query names is in it), so a county-wide sum reads the index only, never the table.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assistance_metrics')
    .on('assistance')
    .columns(['org_id', 'given_on', 'program', 'form', 'amount_fen', 'person_id', 'household_id', 'deleted_at'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('loans_metrics')
    .on('loans')
    .columns(['org_id', 'disbursed_on', 'principal_fen', 'subsidy_fen', 'person_id', 'deleted_at'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('activities_metrics').on('activities').columns(['org_id', 'start_on', 'sessions', 'participants', 'deleted_at']).where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema.createIndex('designations_org_year').on('designations').columns(['org_id', 'year']).execute();
  await db.schema.createIndex('households_org_lifted').on('households').columns(['org_id', 'lifted_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['households_org_lifted', 'designations_org_year', 'activities_metrics', 'loans_metrics', 'assistance_metrics']) {
    await db.schema.dropIndex(name).execute();
  }
}
