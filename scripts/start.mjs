#!/usr/bin/env node
// `npm start`: build the web app when its sources changed, then `quntuan serve`
// (which migrates, creates admin on first start and seeds the demo county once).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'web/dist/index.html';
// the staff app (web/src), the public phone pages (web/p) and the shared rules they import
const sources = Math.max(newest('web/src'), newest('web/p'), newest('src/domain'), ...['web/index.html', 'web/vite.config.ts', 'web/precompress.ts'].map((f) => statSync(f).mtimeMs));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stdout.write('正在构建网页… (building the web app)\n');
  const b = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(process.execPath, ['bin/quntuan.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
