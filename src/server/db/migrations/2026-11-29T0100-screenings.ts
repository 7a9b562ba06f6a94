import type { Kysely } from 'kysely';

// Child screening campaigns (摸底排查): a unit's campaign over its townships, each township's
// completion, and every child found. Dates YYYY-MM-DD (Asia/Shanghai); instants ISO-8601 UTC.
// A child's notes are stored encrypted (AES-256-GCM), as the summary of a 困境儿童 case is.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // the launching unit
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('intervene_days', 'integer', (c) => c.notNull())
    .addColumn('pair_days', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screenings_org_year').on('screenings').columns(['org_id', 'year']).execute();

  await db.schema
    .createTable('screening_townships')
    .addColumn('screening_id', 'text', (c) => c.notNull().references('screenings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('completed_on', 'text')
    .addColumn('reported_found', 'integer')
    .addColumn('completed_by', 'text')
    .addPrimaryKeyConstraint('screening_townships_pk', ['screening_id', 'org_id'])
    .execute();
  await db.schema.createIndex('screening_townships_org').on('screening_townships').columns(['org_id', 'screening_id']).execute();

  await db.schema
    .createTable('screening_children')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('screening_id', 'text', (c) => c.notNull().references('screenings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // the township that found the child
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('guardian', 'text', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array
    .addColumn('suggested_level', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('notes', 'text') // ciphertext
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('due_intervene_on', 'text')
    .addColumn('due_pair_on', 'text')
    .addColumn('intervention_kind', 'text') // case | measure
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('intervention_measure', 'text')
    .addColumn('intervened_on', 'text')
    .addColumn('helper_name', 'text')
    .addColumn('helper_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('helper_org_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('pair_commitment', 'text')
    .addColumn('paired_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('screening_children_person', ['screening_id', 'person_id'])
    .execute();
  await db.schema.createIndex('screening_children_org').on('screening_children').columns(['screening_id', 'org_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['screening_children', 'screening_townships', 'screenings']) await db.schema.dropTable(t).execute();
}
