import { type Kysely, sql } from 'kysely';

// Annual targets (年度目标) per unit, year and metric reference. `metric_ref` is the canonical
// `code{filters}`; `target_value` is canonical decimal text ('8000', '98.5', at most 4 decimals) so
// the figure is stored exactly on both databases. `parent_id` links a part of a county target split
// among townships (分解下达). Soft delete: deleted rows stay for the audit trail.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('metric_ref', 'text', (c) => c.notNull())
    .addColumn('comparison', 'text', (c) => c.notNull()) // at_least | at_most
    .addColumn('target_value', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('targets.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // one live target per unit, year, metric and direction
  await db.schema
    .createIndex('targets_unique_live')
    .on('targets')
    .columns(['org_id', 'year', 'metric_ref', 'comparison'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('targets_year_org').on('targets').columns(['year', 'org_id']).execute();
  await db.schema.createIndex('targets_parent').on('targets').column('parent_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('targets').execute();
}
