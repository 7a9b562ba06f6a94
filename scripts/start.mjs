#!/usr/bin/env node
// `npm start`: build the web app when its sources changed, then `quntuan serve`
// (which migrates, creates admin on first start and seeds the demo county once).
import { spawnSync } from 'node:child_process';
import { ensureWebBuilt } from './web-build.mjs';

if (!ensureWebBuilt()) process.exit(1);
const r = spawnSync(process.execPath, ['bin/quntuan.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
