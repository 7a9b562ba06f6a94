import type { Kysely } from 'kysely';

// One-time codes for the public phone pages, public tokens, and selections (评选表彰) with public
// voting. Phones are never stored: `phone_hash` / `voter_hash` are keyed HMACs (blind index), codes
// and tokens are stored hashed. Instants ISO-8601 UTC; dates YYYY-MM-DD (Asia/Shanghai).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('otp_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull()) // vote | claim
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('consumed_at', 'text')
    .execute();
  await db.schema.createIndex('otp_codes_phone').on('otp_codes').columns(['phone_hash', 'purpose', 'created_at']).execute();

  await db.schema
    .createTable('public_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('voter_hash', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_tokens_expires').on('public_tokens').column('expires_at').execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // the organizer
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 最美家庭 … or a custom title
    .addColumn('nominee_type', 'text', (c) => c.notNull()) // person | household | unit | loan
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('award_level', 'text', (c) => c.notNull()) // 国家级 | 省级 | 市级 | 县级
    .addColumn('description', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('voting_enabled', 'integer', (c) => c.notNull())
    .addColumn('jury_enabled', 'integer', (c) => c.notNull())
    .addColumn('jury_weight', 'integer', (c) => c.notNull()) // percent; public weight = 100 − jury
    .addColumn('winners_count', 'integer', (c) => c.notNull())
    .addColumn('votes_per_day', 'integer', (c) => c.notNull())
    .addColumn('votes_per_campaign', 'integer', (c) => c.notNull())
    .addColumn('votes_per_address_hour', 'integer', (c) => c.notNull())
    .addColumn('hide_results', 'integer', (c) => c.notNull())
    .addColumn('publicity_days', 'integer', (c) => c.notNull())
    .addColumn('publicity_from', 'text')
    .addColumn('publicity_to', 'text')
    .addColumn('awarded_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_org_year').on('campaigns').columns(['org_id', 'year']).execute();

  await db.schema
    .createTable('campaign_quotas')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('campaign_quotas_pk', ['campaign_id', 'org_id'])
    .execute();
  await db.schema.createIndex('campaign_quotas_org').on('campaign_quotas').column('org_id').execute();

  await db.schema
    .createTable('campaign_nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('seq', 'integer', (c) => c.notNull()) // the public coded id: 编号 001, 002 …
    .addColumn('nominating_org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('nominee_type', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('loan_id', 'text', (c) => c.references('loans.id'))
    .addColumn('public_name', 'text', (c) => c.notNull()) // masked for people, households and loans
    .addColumn('deeds', 'text', (c) => c.notNull()) // 事迹简介, shown publicly
    .addColumn('status', 'text', (c) => c.notNull()) // nominated | accepted | rejected | withdrawn
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('winner', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('campaign_nominations_seq', ['campaign_id', 'seq'])
    .execute();
  await db.schema.createIndex('campaign_nominations_org').on('campaign_nominations').column('nominating_org_id').execute();

  await db.schema
    .createTable('campaign_jury_scores')
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nominations.id'))
    .addColumn('juror_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('score', 'integer', (c) => c.notNull()) // 0..100
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_jury_scores_pk', ['nomination_id', 'juror_id'])
    .execute();

  await db.schema
    .createTable('campaign_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nominations.id'))
    .addColumn('voter_hash', 'text', (c) => c.notNull())
    .addColumn('vote_day', 'text', (c) => c.notNull()) // Asia/Shanghai date
    .addColumn('vote_hour', 'integer', (c) => c.notNull()) // Asia/Shanghai hour 0..23
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('voided_by', 'text')
    // one vote per voter per nominee per day: the same vote sent many times at once counts once
    .addUniqueConstraint('campaign_votes_once', ['campaign_id', 'voter_hash', 'nomination_id', 'vote_day'])
    .execute();
  await db.schema.createIndex('campaign_votes_nomination').on('campaign_votes').columns(['nomination_id', 'voided_at']).execute();
  await db.schema.createIndex('campaign_votes_campaign_at').on('campaign_votes').columns(['campaign_id', 'created_at']).execute();
  await db.schema.createIndex('campaign_votes_address').on('campaign_votes').columns(['campaign_id', 'address_hash']).execute();

  // per-voter counters (period = 'all' or a day): a conditional increment keeps limits exact under concurrency
  await db.schema
    .createTable('campaign_voter_tallies')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('voter_hash', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_voter_tallies_pk', ['campaign_id', 'voter_hash', 'period'])
    .execute();

  await db.schema
    .createTable('campaign_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('nomination_id', 'text', (c) => c.references('campaign_nominations.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('campaign_objections_campaign').on('campaign_objections').column('campaign_id').execute();

  // honours of people, households and loans (units get a designation instead)
  await db.schema
    .createTable('campaign_honours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nominations.id'))
    .addColumn('nominee_type', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('loan_id', 'text', (c) => c.references('loans.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // the nominating unit
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('awarded_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_honours_nomination').on('campaign_honours').column('nomination_id').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['campaign_honours', 'campaign_objections', 'campaign_voter_tallies', 'campaign_votes', 'campaign_jury_scores', 'campaign_nominations', 'campaign_quotas', 'campaigns', 'public_tokens', 'otp_codes']) {
    await db.schema.dropTable(t).execute();
  }
}
