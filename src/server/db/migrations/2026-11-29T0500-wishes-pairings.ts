import type { Kysely } from 'kysely';

// Pairings (结对帮扶), volunteers (志愿服务) and micro-wishes (微心愿). Dates YYYY-MM-DD
// (Asia/Shanghai); instants ISO-8601 UTC; money integer 分; volunteer hours in tenths of an hour.
// A wish never stores the donor's phone: only the hashed voter id from the OTP module and its mask.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pairings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // the unit that keeps the pairing
    .addColumn('helper_kind', 'text', (c) => c.notNull()) // person | unit
    .addColumn('helper_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('helper_org_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('helper_role', 'text', (c) => c.notNull()) // 爱心妈妈, 党员, 志愿者, 巾帼文明岗 …
    .addColumn('helped_kind', 'text', (c) => c.notNull()) // person | household
    .addColumn('helped_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('helped_household_id', 'text', (c) => c.references('households.id'))
    .addColumn('helped_role', 'text', (c) => c.notNull()) // 留守儿童, 春蕾女童, 单亲困难母亲 …
    .addColumn('commitment_kind', 'text', (c) => c.notNull()) // 电话, 走访, 视频 …
    .addColumn('every_months', 'integer', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('last_visit_on', 'text')
    .addColumn('next_due_on', 'text', (c) => c.notNull()) // from the commitment and the last visit (domain/pairings/lapse.ts)
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('pairings_org_started').on('pairings').columns(['org_id', 'started_on']).execute();
  await db.schema.createIndex('pairings_due').on('pairings').columns(['ended_on', 'next_due_on']).execute();
  await db.schema.createIndex('pairings_helped_person').on('pairings').column('helped_person_id').execute();

  await db.schema
    .createTable('pairing_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('visited_by', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pairing_visits_pairing').on('pairing_visits').columns(['pairing_id', 'visited_on']).execute();

  await db.schema
    .createTable('volunteer_teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_teams_org_name').on('volunteer_teams').columns(['org_id', 'name']).unique().execute();

  await db.schema
    .createTable('volunteer_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('volunteer_teams.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_members_pk', ['team_id', 'person_id'])
    .execute();
  await db.schema.createIndex('volunteer_members_person').on('volunteer_members').column('person_id').execute();

  await db.schema
    .createTable('volunteer_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('volunteer_teams.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('served_on', 'text', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull()) // 2.5 h → 25
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | confirmed
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_services_team').on('volunteer_services').columns(['team_id', 'served_on']).execute();
  await db.schema.createIndex('volunteer_services_person').on('volunteer_services').columns(['person_id', 'served_on']).execute();

  await db.schema
    .createTable('wishes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('code', 'text', (c) => c.unique()) // WX-2026-000123, given at publication
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('beneficiary_kind', 'text', (c) => c.notNull()) // 儿童 | 老人 | 妇女
    .addColumn('masked_name', 'text', (c) => c.notNull()) // 王**: the only name a public page shows
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('value_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('published_on', 'text')
    .addColumn('claim_id', 'text') // the claim now holding the wish
    .addColumn('claimed_on', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('delivery_note', 'text')
    .addColumn('fulfilled_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('wishes_status_org').on('wishes').columns(['status', 'org_id']).execute();
  await db.schema.createIndex('wishes_org_published').on('wishes').columns(['org_id', 'published_on']).execute();

  await db.schema
    .createTable('wish_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wish_id', 'text', (c) => c.notNull().references('wishes.id'))
    .addColumn('donor_hash', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('claimed_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull()) // lapses when not delivered by this day
    .addColumn('outcome', 'text', (c) => c.notNull()) // holding | lapsed | released | fulfilled
    .addColumn('ended_on', 'text')
    .execute();
  await db.schema.createIndex('wish_claims_donor').on('wish_claims').columns(['donor_hash', 'claimed_at']).execute();
  await db.schema.createIndex('wish_claims_wish').on('wish_claims').column('wish_id').execute();

  // per-unit settings, inherited by the subtree (the nearest ancestor's row wins)
  await db.schema
    .createTable('wish_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('org_units.id'))
    .addColumn('value_cap_fen', 'integer', (c) => c.notNull())
    .addColumn('claim_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wish_code_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['wish_code_counters', 'wish_settings', 'wish_claims', 'wishes', 'volunteer_services', 'volunteer_members', 'volunteer_teams', 'pairing_visits', 'pairings']) {
    await db.schema.dropTable(t).execute();
  }
}
