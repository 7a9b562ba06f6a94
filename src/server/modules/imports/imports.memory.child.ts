// Child process of imports.memory.test.ts: the server (the very app of the tests, on a fresh SQLite
// or PostgreSQL database, the parse gate at its default of 2) receives the same workbook N times at
// once as dry runs over HTTP; prints one JSON line with the answers and the process's memory, so the
// figures are the server's alone (the kernel's peak RSS of this process, not the test runner's).
// Run: node --import tsx imports.memory.child.ts <file.xlsx> <uploads>
import { readFileSync } from 'node:fs';
import { buildUnit } from '../../../../test/factories';
import { createTestApp } from '../../../../test/test-app';
import { multipartBody } from './imports.fixtures';

const [file, count] = process.argv.slice(2);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

const t = await createTestApp({ config: { importParses: 2, importWaitSeconds: 600 } });
try {
  const county = await buildUnit(t.sys, { code: 'MEM', name: '测试县总工会', kind: 'union' });
  const staff = (await t.userWith('staff', county.id)).headers;
  const content = readFileSync(file);
  const body = multipartBody(content, '帮扶台账.xlsx');
  const upload = () => t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${county.id}&dryRun=true`, payload: body.payload, headers: { ...staff, ...body.headers } });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const answers = await Promise.all(Array.from({ length: Number(count) }, upload));
  const peak = process.resourceUsage().maxRSS * 1024;
  const rssAfter = process.memoryUsage().rss;
  const first = answers[0].json() as { errors: unknown[]; rows: number; accepted: number; rejected: number; preview: { values: Record<string, string> }[] };
  process.stdout.write(
    `${JSON.stringify({
      fileMiB: +(content.length / 1024 / 1024).toFixed(2),
      statuses: answers.map((a) => a.statusCode),
      bodyBytes: answers.map((a) => a.rawPayload.length),
      first: { errors: first.errors, rows: first.rows, accepted: first.accepted, rejected: first.rejected, noteChars: first.preview?.[0]?.values['备注']?.length },
      rssBeforeMiB: mib(rssBefore),
      peakBeforeMiB: mib(peakBefore),
      peakMiB: mib(peak),
      rssAfterMiB: mib(rssAfter),
    })}\n`,
  );
} finally {
  await t.close();
}
