import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIdNumber } from '../src/domain/id-number';
import { newId } from '../src/domain/ids';
import { maskIdNumber, maskPhone } from '../src/domain/mask';
import { loadConfig, type Config } from '../src/server/config';
import { migrateToLatest, openDatabase, type Database } from '../src/server/db/database';
import type { Insertable } from 'kysely';
import type { PersonCategoryTable, PersonOrgTable, PersonTable } from '../src/server/db/types';
import { createCrypto, type Crypto } from '../src/server/security/crypto';
import { systemCtx } from '../src/server/runtime';
import { createOrg } from '../src/server/modules/orgs/orgs.service';

/** A throwaway SQLite database with a county tree, for benchmarks. */
export async function benchDatabase(): Promise<{ config: Config; database: Database; crypto: Crypto; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'quntuan-bench-'));
  const config: Config = { ...loadConfig(), database: { kind: 'sqlite', file: join(dir, 'bench.db') }, dataDir: dir, logLevel: 'silent', secret: 'bench-secret-bench-secret-bench-secret-0123', apiRatePerMinute: 1e9 };
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  return { config, database, crypto: createCrypto(config.secret as string), dir };
}

export async function buildCounty(database: Database, crypto: Crypto) {
  const ctx = systemCtx({ database, crypto, now: () => new Date() }, 'bench');
  const county = await createOrg(ctx, { code: 'B-LD', name: '林甸县委', kind: 'party_committee', divisionCode: '230623' });
  const towns = [];
  const villages: string[] = [];
  for (let i = 0; i < 8; i++) {
    const town = await createOrg(ctx, { code: `B-T${i}`, name: `乡镇${i}妇联`, kind: 'womens_federation', parentId: county.id });
    towns.push(town);
    for (let j = 0; j < 10; j++) {
      villages.push((await createOrg(ctx, { code: `B-T${i}-V${j}`, name: `乡镇${i}村${j}妇联`, kind: 'womens_branch', parentId: town.id })).id);
    }
  }
  return { county, towns, villages, ctx };
}

/** The village units' names buildCounty creates (乡镇i村j妇联), for generating files before the database exists. */
export function benchVillageNames(): string[] {
  return Array.from({ length: 8 }, (_, i) => Array.from({ length: 10 }, (_, j) => `乡镇${i}村${j}妇联`)).flat();
}

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const given = '秀英华玉兰芳丽敏静燕红梅霞桂明建国伟强军平';

/** Inserts people straight into the tables (encrypted like the service does), in batches. */
export async function insertPeople(database: Database, crypto: Crypto, villages: string[], from: number, to: number): Promise<void> {
  const now = new Date().toISOString();
  const batch = 500;
  for (let start = from; start < to; start += batch) {
    const people: Insertable<PersonTable>[] = [];
    const links: PersonOrgTable[] = [];
    const cats: PersonCategoryTable[] = [];
    for (let i = start; i < Math.min(to, start + batch); i++) {
      // unique numbers: the birth date walks 36,500 days from 1940, the sequence counts the laps
      const birth = new Date(Date.UTC(1940, 0, 1) + (i % 36500) * 86_400_000).toISOString().slice(0, 10);
      const idNumber = makeIdNumber('230623', birth, Math.floor(i / 36500) * 2, i % 2 ? '男' : '女');
      const id = newId();
      const phone = `13${String(100000000 + i).slice(-9)}`;
      const orgId = villages[i % villages.length];
      people.push({
        id,
        name: surnames[i % surnames.length] + given[(i * 7) % given.length] + given[(i * 13) % given.length],
        id_index: crypto.blindIndex(idNumber),
        id_cipher: crypto.encrypt(idNumber),
        id_masked: maskIdNumber(idNumber),
        birth_date: birth,
        gender: i % 2 ? '男' : '女',
        phone_cipher: crypto.encrypt(phone),
        phone_masked: maskPhone(phone),
        ethnicity: '汉族',
        address_cipher: null,
        note: null,
        org_id: orgId,
        created_by: null,
        batch_id: null,
        created_at: now,
        updated_at: now,
      });
      links.push({ person_id: id, org_id: orgId, created_at: now });
      if (i % 5 === 0) cats.push({ person_id: id, category: '妇女', org_id: orgId, created_at: now });
    }
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('people').values(people).execute();
      await trx.insertInto('person_orgs').values(links).execute();
      if (cats.length) await trx.insertInto('person_categories').values(cats).execute();
    });
  }
}
