import { type Kysely, PostgresAdapter } from 'kysely';

// Set-up imports (a county's org tree and its users from Excel). A batch of kind `orgs` or `users`
// lives in import_batches like a ledger batch; what it did to each unit or user is one row of
// import_batch_items (created, or updated with the values before), so the whole batch can be undone.
// The one-time passwords of a users batch are kept sealed (AES-256-GCM) in import_credentials
// until the importer downloads the sheet once.
export async function up(db: Kysely<any>): Promise<void> {
  const blob = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('import_batch_items')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addPrimaryKeyConstraint('import_batch_items_pk', ['batch_id', 'seq'])
    .execute();
  await db.schema
    .createTable('import_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batches.id'))
    .addColumn('created_by', 'text')
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_credentials').execute();
  await db.schema.dropTable('import_batch_items').execute();
}
