import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config';
import { readBack, sheetBuffer } from '../server/modules/imports/imports.fixtures';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// the spawned CLI runs on a SQLite file; the PostgreSQL run covers the same services in-process
const onPostgresRun = Boolean(loadConfig().testDatabaseUrl);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quntuan-cli-tree-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/quntuan.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { DATABASE_URL: `file:${join(dir, 'q.db')}`, QUNTUAN_DATA_DIR: dir, QUNTUAN_SECRET: 'cli-tree-secret-cli-tree-secret-0123456789', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(onPostgresRun)('quntuan import orgs / users', () => {
  it('imports a tree below a unit, then its users with a passwords sheet', async () => {
    expect(cli(['migrate']).code).toBe(0);
    expect(cli(['org', 'add', 'QH', '--name', '青禾县委', '--kind', 'party_committee', '--division', '231225']).code).toBe(0);
    const orgs = join(dir, 'orgs.xlsx');
    writeFileSync(orgs, await sheetBuffer([
      ['上级单位编码', '单位编码', '单位名称', '单位类型'],
      ['QH-FL', null, '东风镇妇联', '乡镇妇联'],
      [null, 'QH-FL', '青禾县妇联', '妇联'],
    ]));
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, await sheetBuffer([['上级单位编码', '单位编码', '单位名称', '单位类型'], ['QH-NOPE', 'QH-X', '某单位', '侨联']]));
    const refused = cli(['import', 'orgs', bad, '--org', 'QH', '--json', '--errors', join(dir, 'errors.xlsx')]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ kind: 'orgs', rows: 1, accepted: 0, rejected: 1, batchId: null });
    expect(JSON.parse(refused.stdout).errors.map((e: { column: string }) => e.column)).toEqual(['单位类型', '上级单位编码']);
    expect(existsSync(join(dir, 'errors.xlsx'))).toBe(true);

    const dry = cli(['import', 'orgs', orgs, '--org', 'QH', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('试导入，未写入');
    const done = cli(['import', 'orgs', orgs, '--org', 'QH', '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ kind: 'orgs', rows: 2, accepted: 2, created: 2, errors: [] });
    expect(JSON.parse(cli(['import', 'orgs', orgs, '--org', 'QH', '--json']).stdout)).toMatchObject({ accepted: 0, duplicates: 2 });

    const users = join(dir, 'users.xlsx');
    writeFileSync(users, await sheetBuffer([['用户名', '姓名', '角色', '单位名称'], ['qh-df', '李娜', '工作人员', '东风镇妇联'], ['qh-fl', '王丽', '组织管理员、工作人员', '青禾县妇联']]));
    const out = join(dir, 'passwords.xlsx');
    const u = cli(['import', 'users', users, '--org', 'QH', '-o', out]);
    expect(u.stderr).toBe('');
    expect(u.code).toBe(0);
    expect(u.stdout).toContain(`初始密码表已写入 ${out}`);
    const sheet = await readBack((await import('node:fs')).readFileSync(out));
    expect(sheet.rows.slice(1, 3).map((r) => [r[0], r[2], r[3]])).toEqual([['qh-df', '东风镇妇联', '工作人员'], ['qh-fl', '青禾县妇联', '组织管理员、工作人员']]);
    expect(String(sheet.rows[1][4])).toMatch(/^\S{12}$/);
    const login = spawnSync(process.execPath, [join(repoRoot, 'bin/quntuan.js'), 'user', 'add', 'qh-df', '--role', 'staff', '--org', 'QH'], { cwd: repoRoot, encoding: 'utf8', input: 'Another-pass-2026\n', env: { DATABASE_URL: `file:${join(dir, 'q.db')}`, QUNTUAN_DATA_DIR: dir, QUNTUAN_SECRET: 'cli-tree-secret-cli-tree-secret-0123456789' } });
    expect(login.status).toBe(1); // the imported username is taken
  }, 120_000);
});
