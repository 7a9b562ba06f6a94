// One rule for `npm start`, `npm test` and the benches: the built web (web/dist) is stale when any
// file it is built from is newer than web/dist/index.html — the staff app (web/src), the public phone
// pages (web/p), the clock they share (web/shared), the shared rules (src/domain, tests aside), the
// page shells, the build config and the locked dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const builtFile = 'web/dist/index.html';
const sourceDirs = ['web/src', 'web/p', 'web/shared', 'src/domain'];
const sourceFiles = ['web/index.html', 'web/vite.config.ts', 'web/precompress.ts', 'package-lock.json', 'tsconfig.json'];

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (!/\.test\.tsx?$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Why the web must be (re)built, or null when web/dist is current. */
export function webBuildReason(root = '.') {
  const built = join(root, builtFile);
  if (!existsSync(built)) return '网页尚未构建 (no web/dist)';
  const builtAt = statSync(built).mtimeMs;
  const sources = Math.max(...sourceDirs.map((d) => newest(join(root, d))), ...sourceFiles.map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0)));
  return sources > builtAt ? '网页源文件有更新 (web sources newer than the build)' : null;
}

/** Builds the web when it is missing or stale; true when web/dist is current afterwards. */
export function ensureWebBuilt({ force = false, log = (s) => process.stdout.write(s) } = {}) {
  const reason = force ? '按要求重新构建 (rebuild requested)' : webBuildReason();
  if (!reason) return true;
  log(`正在构建网页… ${reason}\n`);
  return spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status === 0;
}
