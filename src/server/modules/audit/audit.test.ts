import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { appendAudit, verifyAudit } from './audit.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const root = await buildUnit(t.sys, { code: 'A', kind: 'party_committee' });
  for (let i = 0; i < 5; i++) await buildUnit(t.sys, { parentId: root.id });
});
afterAll(() => t.close());

async function dropGuards(): Promise<void> {
  if (t.database.dialect === 'postgres') await sql`DROP TRIGGER audit_log_no_change ON audit_log`.execute(t.database.db);
  else {
    await sql`DROP TRIGGER audit_log_no_update`.execute(t.database.db);
    await sql`DROP TRIGGER audit_log_no_delete`.execute(t.database.db);
  }
}

describe('audit log', () => {
  it('chains every write and verifies', async () => {
    const r = await verifyAudit(t.database.db);
    expect(r).toEqual({ ok: true, entries: 6 });
  });

  it('keeps the chain whole under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(t.sys, { action: 'test', entity: 'x', entityId: String(i) })));
    expect(await verifyAudit(t.database.db)).toEqual({ ok: true, entries: 26 });
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    await expect(sql`UPDATE audit_log SET detail = '{}' WHERE seq = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first edited entry, a deleted one, and a cut tail', async () => {
    await dropGuards();
    await sql`UPDATE audit_log SET detail = '{"name":"改过"}' WHERE seq = 3`.execute(t.database.db);
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: false, brokenSeq: 3, reason: expect.stringContaining('被修改') });
    const original = await t.database.db.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_log WHERE seq = 3`.execute(t.database.db);
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: false, brokenSeq: 3, reason: expect.stringContaining('缺失') });
    expect(original.seq).toBe(4);
    await sql`DELETE FROM audit_log WHERE seq >= 3`.execute(t.database.db);
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: false, brokenSeq: 3, reason: expect.stringContaining('截断') });
  });
});
