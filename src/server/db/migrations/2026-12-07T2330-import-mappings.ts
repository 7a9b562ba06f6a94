import type { Kysely } from 'kysely';

// A clerk's own column mapping for a ledger whose headers are not the template's, saved per unit and
// ledger kind under a name, and found again by the header row's shape (its folded headers, hashed)
// when the same ledger comes back: one mapping per shape, and one per name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('shape', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_mappings_shape').on('import_mappings').columns(['org_id', 'kind', 'shape']).unique().execute();
  await db.schema.createIndex('import_mappings_name').on('import_mappings').columns(['org_id', 'kind', 'name']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
}
