import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Config } from '../server/config';
import { AppError } from '../server/http/errors';

/** Exit codes of the contract. */
export const exitCode = { ok: 0, input: 1, usage: 2 } as const;

/** A command line the program cannot act on (unknown option, missing argument): exit 2, with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The input had errors (bad value, unknown unit, weak password, bad file): exit 1, nothing written. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** What every command receives; a command resolves to its exit code, or 'running' for a server. */
export interface CommandEnv {
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
}
export type CommandRun = (args: string[], env: CommandEnv) => Promise<number | 'running'>;

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with Chinese usage errors. */
export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = /'([^']+)'/.exec(err.message)?.[1]?.split(' ')[0] ?? '';
    const message =
      err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `未知选项：${opt}`
        : err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `选项 ${opt} 的值缺失或有误`
          : `参数有误：${err.message}`;
    throw new UsageError(message);
  }
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`缺少必填选项 ${flag}`);
  return value;
}

/**
 * Turns validation details ({path, message}) into lines naming the command-line field
 * (`--division：行政区划代码应为 6、9 或 12 位数字`).
 */
export function fieldLines(details: { path: string; message: string }[], names: Record<string, string>): string {
  return details.map((d) => `  ${names[d.path] ?? d.path}：${d.message}`).join('\n');
}

export function issuesToInputError(issues: { path: PropertyKey[]; message: string }[], names: Record<string, string>, title: string): InputError {
  const details = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return new InputError(`${title}\n${fieldLines(details, names)}`);
}

/** Service errors become input errors (exit 1) naming the command-line field where one is known. */
export function appErrorToInputError(e: unknown, names: Record<string, string>): unknown {
  if (!(e instanceof AppError) || e.code === 'INTERNAL') return e;
  return new InputError(e.details?.length ? `${e.message}\n${fieldLines(e.details, names)}` : e.message);
}

/** The first line of stdin (without its line break), or null when stdin is empty. */
export async function readFirstLine(input: NodeJS.ReadStream): Promise<string | null> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) return line;
    return null;
  } finally {
    rl.close();
    input.pause();
    input.unref?.();
  }
}

export function printJson(env: CommandEnv, value: unknown): void {
  env.out(JSON.stringify(value));
}

/** Reads a workbook named on the command line: at most 20 MB, a Chinese message when it cannot be read. */
export function readImportFile(file: string): Buffer {
  try {
    if (statSync(file).size > 20 * 1024 * 1024) throw new InputError('文件超过 20 MB 上限');
    return readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法读取文件 ${file}：${(e as Error).message}`);
  }
}
