import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { createHousehold } from '../households/households.service';
import { runImport } from './import.service';
import { sheetBuffer } from './imports.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('imported assistance and households', () => {
  it('counts the help for the person’s household, as a record entered by hand does', async () => {
    const union = await buildUnit(t.sys, { code: 'HH-U', name: '某县总工会', kind: 'union' });
    const head = await buildPerson(t.sys, { orgId: union.id, name: '王建国' });
    const loner = await buildPerson(t.sys, { orgId: union.id, name: '李明' });
    const household = await createHousehold(t.sys, { name: '王建国家', orgId: union.id, headPersonId: head.id, members: [{ personId: head.id, relation: '户主' }] });
    const headId = (await t.sys.db.selectFrom('people').select('id_cipher').where('id', '=', head.id).executeTakeFirstOrThrow()).id_cipher;
    const lonerId = (await t.sys.db.selectFrom('people').select('id_cipher').where('id', '=', loner.id).executeTakeFirstOrThrow()).id_cipher;
    const file = await sheetBuffer(
      [
        ['姓名', '身份证号', '帮扶项目', '帮扶形式', '金额(元)', '日期'],
        ['王建国', t.crypto.decrypt(headId), '送温暖', '就业', 500, '2026-02-01'],
        ['李明', t.crypto.decrypt(lonerId), '送温暖', '现金', 300, '2026-02-01'],
      ],
      { textColumns: [2] },
    );
    const r = await runImport(t.sys, { kind: 'assistance', orgId: union.id, filename: 'aid.xlsx', content: file });
    expect(r.errors).toEqual([]);
    const rows = await t.sys.db.selectFrom('assistance').select(['person_id', 'household_id']).orderBy('amount_fen', 'desc').execute();
    expect(rows).toEqual([
      { person_id: head.id, household_id: household.id },
      { person_id: loner.id, household_id: null },
    ]);
  });
});
