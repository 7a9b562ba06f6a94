import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webBuildReason } from '../scripts/web-build.mjs';

// `npm start`, `npm test` and the benches share one rule for a stale web build (scripts/web-build.mjs)
let root = '';
const at = (iso: string) => new Date(iso);
function file(rel: string, time: string) {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, rel);
  utimesSync(p, at(time), at(time));
}
function tree() {
  root = mkdtempSync(join(tmpdir(), 'qt-webbuild-'));
  for (const f of ['web/src/main.tsx', 'web/p/src/main.tsx', 'web/shared/clock.ts', 'src/domain/dates.ts', 'web/index.html', 'web/vite.config.ts', 'package-lock.json']) file(f, '2026-01-01T00:00:00Z');
  file('web/dist/index.html', '2026-01-02T00:00:00Z');
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('web build staleness', () => {
  it('is current when the build is newer than every source', () => {
    tree();
    expect(webBuildReason(root)).toBeNull();
  });
  it('is stale without a build', () => {
    tree();
    rmSync(join(root, 'web/dist'), { recursive: true });
    expect(webBuildReason(root)).toContain('尚未构建');
  });
  it.each(['web/src/features/x/Page.tsx', 'web/p/src/wishes/api.ts', 'web/shared/clock.ts', 'src/domain/report/figures.ts', 'web/vite.config.ts', 'package-lock.json'])('is stale when %s changed after the build', (rel) => {
    tree();
    file(rel, '2026-01-03T00:00:00Z');
    expect(webBuildReason(root)).toContain('有更新');
  });
  it('ignores a changed test file of the shared rules', () => {
    tree();
    file('src/domain/dates.test.ts', '2026-01-03T00:00:00Z');
    expect(webBuildReason(root)).toBeNull();
  });
});
