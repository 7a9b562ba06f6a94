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
    const around = await t.database.db.selectFrom('audit_log').selectAll().where('seq', 'in', [2, 3, 4]).orderBy('seq').execute();
    // each entry names the hash of the one before it: 2 ← 3 ← 4
    expect(around.map((r) => Number(r.seq))).toEqual([2, 3, 4]);
    expect([around[1].prev_hash, around[2].prev_hash]).toEqual([around[0].hash, around[1].hash]);
    await sql`DELETE FROM audit_log WHERE seq = 3`.execute(t.database.db);
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: false, brokenSeq: 3, reason: expect.stringContaining('缺失') });
    // the hole is the only change: 25 of the 26 entries left, the next one untouched
    const seqs = async () => (await t.database.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(await seqs()).toEqual([1, 2, ...Array.from({ length: 23 }, (_, i) => i + 4)]);
    expect(await t.database.db.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow()).toEqual(around[2]);
    await sql`DELETE FROM audit_log WHERE seq >= 3`.execute(t.database.db);
    expect(await seqs()).toEqual([1, 2]);
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: false, brokenSeq: 3, reason: expect.stringContaining('截断') });
  });
});
