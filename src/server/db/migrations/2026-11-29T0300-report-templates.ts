import type { Kysely } from 'kysely';

// Report templates stored per unit (工作报告模板). `report_templates` is the template's identity
// (unit, current name and kind, current version number, who saved it last); every save appends a
// row to `report_template_versions`, so earlier wordings stay readable. Soft delete: a deleted
// template and its versions stay for the audit trail.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // annual | half-year | custom
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_by_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('report_templates_org_kind').on('report_templates').columns(['org_id', 'kind']).execute();
  await db.schema
    .createTable('report_template_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('report_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_template_versions_unique').on('report_template_versions').columns(['template_id', 'version']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_template_versions').execute();
  await db.schema.dropTable('report_templates').execute();
}
