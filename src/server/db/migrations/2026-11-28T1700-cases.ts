import type { Kysely } from 'kysely';

// Cases (个案): petitions, mediation, domestic violence, labour disputes, children in difficulty,
// legal aid. Dates YYYY-MM-DD (Asia/Shanghai); instants ISO-8601 UTC. `confidential` = 1 for
// 家庭暴力 and 困境儿童, whose summary is stored encrypted (AES-256-GCM).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // receiving unit
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subkind', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull()) // ciphertext when confidential
    .addColumn('risk_level', 'text')
    .addColumn('warning_no', 'text') // 告诫书编号
    .addColumn('warning_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('pending_to_org', 'text', (c) => c.references('org_units.id')) // 转办 awaiting the target's answer
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('rejected_on', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('due_accept_on', 'text', (c) => c.notNull())
    .addColumn('due_handle_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_text', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('cases_org_registered').on('cases').columns(['org_id', 'registered_on']).execute();
  await db.schema.createIndex('cases_org_closed').on('cases').columns(['org_id', 'closed_on']).execute();
  await db.schema.createIndex('cases_status').on('cases').columns(['status', 'org_id']).execute();
  await db.schema.createIndex('cases_handler').on('cases').column('handler_id').execute();
  await db.schema.createIndex('cases_pending_to').on('cases').column('pending_to_org').execute();

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name_if_unnamed', 'text')
    .execute();
  await db.schema.createIndex('case_parties_case').on('case_parties').column('case_id').execute();
  await db.schema.createIndex('case_parties_person').on('case_parties').column('person_id').execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull()) // 1, 2, … per case: the timeline's order
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('case_events_case_seq').on('case_events').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('case_followups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('followed_on', 'text', (c) => c.notNull())
    .addColumn('followed_by', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_followups_case').on('case_followups').column('case_id').execute();

  await db.schema
    .createTable('case_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('from_org', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('to_org', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // pending | accepted | refused
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('case_transfers_case').on('case_transfers').column('case_id').execute();

  // per-unit deadlines, inherited by the subtree (the nearest ancestor's row wins)
  await db.schema
    .createTable('case_deadlines')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('accept_days', 'integer', (c) => c.notNull())
    .addColumn('handle_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_deadlines_pk', ['org_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['case_deadlines', 'case_transfers', 'case_followups', 'case_events', 'case_parties', 'cases']) await db.schema.dropTable(t).execute();
}
