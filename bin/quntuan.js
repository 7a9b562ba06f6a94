#!/usr/bin/env node
// `npx quntuan …`: loads tsx's ESM hooks in this process, then runs the TypeScript CLI
// (src/cli/main.ts), which sets the exit code (0 done, 1 input errors, 2 usage error).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
