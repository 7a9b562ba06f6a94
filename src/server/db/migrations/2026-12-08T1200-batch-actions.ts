import type { Kysely } from 'kysely';

// 批量操作 (issue 13 item 5): a batch of selected ledger records soft-deleted with one reason, or moved
// to another unit, as one audited action that can be undone as a whole — like an import batch.
// batch_action_items keeps each record's unit and natural key from before, which the undo puts back.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batch_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('to_org_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('batch_actions_by_creator').on('batch_actions').columns(['created_by', 'created_at']).execute();
  await db.schema
    .createTable('batch_action_items')
    .addColumn('action_id', 'text', (c) => c.notNull().references('batch_actions.id'))
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('from_org_id', 'text', (c) => c.notNull())
    .addColumn('from_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('batch_action_items_pk', ['action_id', 'record_id'])
    .execute();
}
