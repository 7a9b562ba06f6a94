import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Work ledgers (台账): activities, assistance, loans, collective contracts; import batches;
// attachments; per-unit catalogues. Money is integer 分; dates YYYY-MM-DD; soft delete with a reason.
// `natural_key` is the contract's natural key of a live record (unique among the not-deleted).

function ledgerColumns<T extends string>(t: CreateTableBuilder<T, any>) {
  return t
    .addColumn('note', 'text')
    .addColumn('natural_key', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.references('import_batches.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('delete_reason', 'text');
}

async function ledgerIndexes(db: Kysely<any>, table: string, dateColumn: string): Promise<void> {
  await db.schema.createIndex(`${table}_natural_key`).on(table).column('natural_key').unique().where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema.createIndex(`${table}_org_date`).on(table).columns(['org_id', dateColumn]).execute();
  await db.schema.createIndex(`${table}_batch`).on(table).column('batch_id').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull()) // committed | undone
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{row,column,message}]
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema.createIndex('import_batches_org').on('import_batches').columns(['org_id', 'created_at']).execute();

  // per-unit catalogues extending the built-in lists (activity types, assistance programs, funders)
  await db.schema
    .createTable('catalog_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('catalog', 'text', (c) => c.notNull()) // activity_type | assistance_program | funder
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_items_unique', ['catalog', 'org_id', 'name'])
    .execute();

  await ledgerColumns(
    db.schema
      .createTable('activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id')) // 主办单位
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('start_on', 'text', (c) => c.notNull())
      .addColumn('end_on', 'text')
      .addColumn('place', 'text')
      .addColumn('sessions', 'integer', (c) => c.notNull().defaultTo(1)) // 场次/期数
      .addColumn('participants', 'integer', (c) => c.notNull()) // 参与人次
      .addColumn('target_groups', 'text', (c) => c.notNull().defaultTo('')), // joined with 、
  ).execute();
  await ledgerIndexes(db, 'activities', 'start_on');
  await db.schema.createIndex('activities_type').on('activities').columns(['type', 'start_on']).execute();

  // 联合单位: a name as written, linked to a unit when it matches one
  await db.schema
    .createTable('activity_partners')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.references('org_units.id'))
    .addPrimaryKeyConstraint('activity_partners_pk', ['activity_id', 'position'])
    .execute();
  await db.schema.createIndex('activity_partners_org').on('activity_partners').columns(['org_id', 'activity_id']).execute();

  // outcomes as typed pairs: 签订就业合同 150 份, 解决问题 235 个
  await db.schema
    .createTable('activity_outcomes')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('activity_outcomes_pk', ['activity_id', 'name'])
    .execute();
  await db.schema.createIndex('activity_outcomes_name').on('activity_outcomes').columns(['name', 'activity_id']).execute();

  await ledgerColumns(
    db.schema
      .createTable('assistance')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
      .addColumn('person_id', 'text', (c) => c.references('people.id'))
      .addColumn('household_id', 'text', (c) => c.references('households.id'))
      .addColumn('program', 'text', (c) => c.notNull()) // 帮扶项目
      .addColumn('form', 'text', (c) => c.notNull()) // 现金/物资/服务/就业
      .addColumn('amount_fen', 'integer', (c) => c.notNull().defaultTo(0)) // cash, or value of goods
      .addColumn('goods', 'text')
      .addColumn('given_on', 'text', (c) => c.notNull())
      .addColumn('funder', 'text'),
  ).execute();
  await ledgerIndexes(db, 'assistance', 'given_on');
  await db.schema.createIndex('assistance_person').on('assistance').columns(['person_id', 'program', 'given_on']).execute();
  await db.schema.createIndex('assistance_program').on('assistance').columns(['program', 'given_on']).execute();
  await db.schema.createIndex('assistance_household').on('assistance').column('household_id').execute();

  await db.schema
    .createTable('loan_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull()) // annual rate in basis points: 435 = 4.35%
    .addColumn('subsidy_pct', 'integer', (c) => c.notNull()) // share of interest subsidized, 0–100
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('loan_products_unique', ['org_id', 'name'])
    .execute();

  await ledgerColumns(
    db.schema
      .createTable('loans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('product_id', 'text', (c) => c.references('loan_products.id'))
      .addColumn('bank', 'text')
      .addColumn('principal_fen', 'integer', (c) => c.notNull())
      .addColumn('term_months', 'integer')
      .addColumn('rate_bp', 'integer')
      .addColumn('subsidy_pct', 'integer')
      .addColumn('disbursed_on', 'text') // null only while 申请中
      .addColumn('due_on', 'text')
      .addColumn('subsidy_fen', 'integer', (c) => c.notNull().defaultTo(0)) // 贴息
      .addColumn('venture', 'text') // 创业项目
      .addColumn('status', 'text', (c) => c.notNull()), // 申请中/已放款/已还清/逾期
  ).execute();
  await ledgerIndexes(db, 'loans', 'disbursed_on');
  await db.schema.createIndex('loans_person').on('loans').column('person_id').execute();

  await db.schema
    .createTable('loan_repayments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('loan_id', 'text', (c) => c.notNull().references('loans.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('loan_repayments_loan').on('loan_repayments').column('loan_id').execute();

  await ledgerColumns(
    db.schema
      .createTable('contracts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
      .addColumn('enterprise', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull()) // 综合/女职工专项/工资专项
      .addColumn('signed_on', 'text', (c) => c.notNull())
      .addColumn('expires_on', 'text')
      .addColumn('workers', 'integer', (c) => c.notNull()),
  ).execute();
  await ledgerIndexes(db, 'contracts', 'signed_on');

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_entity').on('attachments').columns(['entity', 'entity_id']).execute();

  // households lifted out of poverty (脱贫), and the batch that imported a record
  await db.schema.alterTable('households').addColumn('lifted_on', 'text').execute();
  await db.schema.alterTable('households').addColumn('batch_id', 'text').execute();
  await db.schema.alterTable('people').addColumn('batch_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['attachments', 'contracts', 'loan_repayments', 'loans', 'loan_products', 'assistance', 'activity_outcomes', 'activity_partners', 'activities', 'catalog_items', 'import_batches']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('households').dropColumn('lifted_on').execute();
  await db.schema.alterTable('households').dropColumn('batch_id').execute();
  await db.schema.alterTable('people').dropColumn('batch_id').execute();
}
