// Benchmark: a generated 100k-row assistance ledger imported through the real code path (runImport,
// the function behind `quntuan import` and the upload route) into a temp SQLite database with the
// bench county; compared with a bare exceljs streaming read of the same file. Prints figures;
// asserts nothing. Run: npx tsx bench/import.ts [rows]
import { rmSync, writeFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../src/domain/id-number';
import { runImport } from '../src/server/modules/imports/import.service';
import { benchDatabase, buildCounty } from './fixtures';

const total = Number(process.argv[2] ?? 100_000);
const programs = ['送温暖', '一帮一', '春蕾计划', '助学'];
const surnames = '王李张刘陈杨赵黄周吴';
const given = '秀英桂兰建国志强丽娟海燕';

async function generate(rows: number, villageNames: string[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => stream.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('帮扶救助台账');
  ws.addRow(['林甸县帮扶救助台账']).commit();
  ws.addRow(['姓名', '身份证号', '帮扶项目', '帮扶形式', '金额(元)', '物资', '日期', '资金来源', '所属组织', '备注']).commit();
  const people = Math.ceil(rows / 4); // each person helped four times (four programs)
  for (let i = 0; i < rows; i++) {
    const p = i % people;
    const birth = new Date(Date.UTC(1950, 0, 1) + (p % 20000) * 86_400_000).toISOString().slice(0, 10);
    const id = makeIdNumber('230623', birth, Math.floor(p / 20000) * 2 + 1, '女');
    const name = surnames[p % 10] + given[(p * 7) % 12] + given[(p * 3) % 12];
    const row = ws.addRow([name, id, programs[Math.floor(i / people) % 4], '现金', 200 + (i % 50) * 10, null, `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, '县总工会', villageNames[p % villageNames.length], null]);
    row.getCell(2).numFmt = '@';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

async function bareRead(buf: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  let n = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) if ((row as unknown as { values: unknown[] }).values.length) n++;
    break;
  }
  return n;
}

function sampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const { database, crypto, dir } = await benchDatabase();
  const { county, ctx } = await buildCounty(database, crypto);
  const villages = await database.db.selectFrom('org_units').select('name').where('kind', '=', 'womens_branch').execute();
  let t0 = performance.now();
  const file = await generate(total, villages.map((v) => v.name));
  if (process.env.BENCH_SAVE) writeFileSync(process.env.BENCH_SAVE, file); // keep the file for profiling
  process.stdout.write(`generated ${total.toLocaleString('en')} rows: ${mb(file.length)} xlsx in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  t0 = performance.now();
  const read = await bareRead(file);
  const bare = (performance.now() - t0) / 1000;
  process.stdout.write(`bare exceljs streaming read: ${read.toLocaleString('en')} rows in ${bare.toFixed(2)} s\n`);

  const phases: Record<string, number> = {};
  let phase = 'read';
  let mark = performance.now();
  const mem = sampler();
  t0 = performance.now();
  const r = await runImport(ctx, {
    kind: 'assistance',
    orgId: county.id,
    filename: 'bench.xlsx',
    content: file,
    onProgress: (p) => {
      if (p.phase !== phase) {
        phases[phase] = (performance.now() - mark) / 1000;
        phase = p.phase;
        mark = performance.now();
      }
    },
  });
  const secs = (performance.now() - t0) / 1000;
  phases[phase] = (performance.now() - mark) / 1000;
  const peak = mem.stop();
  process.stdout.write(`import: rows ${r.rows}, accepted ${r.accepted}, rejected ${r.rejected}, duplicates ${r.duplicates}, batch ${r.batchId ? 'yes' : 'no'}\n`);
  process.stdout.write(`  ${secs.toFixed(2)} s → ${Math.round(r.rows / secs).toLocaleString('en')} rows/s; ${(secs / bare).toFixed(2)}× the bare read\n`);
  process.stdout.write(`  phases: read+check ${phases.read?.toFixed(2)} s, plan+write+commit ${phases.write?.toFixed(2)} s\n`);
  process.stdout.write(`  peak RSS ${mb(peak)}\n`);

  t0 = performance.now();
  const again = await runImport(ctx, { kind: 'assistance', orgId: county.id, filename: 'bench.xlsx', content: file });
  process.stdout.write(`re-import: duplicates ${again.duplicates}, accepted ${again.accepted} in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
