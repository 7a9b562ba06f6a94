import type { Kysely } from 'kysely';

// Built-in person categories (人员类别). Migrations never import app code, so the list is repeated
// here; keep it in step with src/domain/categories.ts (builtinCategories).
const builtins = [
  '困难职工', '农民工', '留守儿童', '困境儿童', '春蕾女童', '单亲贫困母亲', '创业女性', '青年', '妇女',
  '残疾人', '空巢老人', '志愿者', '兼职教师', '党员',
];

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  const existing = new Set((await db.selectFrom('category_defs').select('name').execute()).map((r) => r.name as string));
  const rows = builtins.filter((name) => !existing.has(name)).map((name) => ({ name, builtin: 1, org_id: null, created_at: now }));
  if (rows.length) await db.insertInto('category_defs').values(rows).execute();
  await db.schema.createIndex('household_members_person').on('household_members').columns(['person_id', 'household_id']).execute();
  await db.schema.createIndex('people_org').on('people').column('org_id').execute();
  // lists are ordered by name then id: with both in the index a page stops after pageSize matches
  await db.schema.dropIndex('people_name').execute();
  await db.schema.createIndex('people_name_id').on('people').columns(['name', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('people_name_id').execute();
  await db.schema.createIndex('people_name').on('people').column('name').execute();
  await db.schema.dropIndex('people_org').execute();
  await db.schema.dropIndex('household_members_person').execute();
  await db.deleteFrom('category_defs').where('builtin', '=', 1).execute();
}
