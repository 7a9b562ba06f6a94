import { z } from 'zod';

/**
 * The only place that reads process.env. Parsed once at start; every bad variable is listed.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, 'DATABASE_URL 须以 file: 或 postgres:// 开头')
    .optional(),
  QUNTUAN_SECRET: z.string().min(32, 'QUNTUAN_SECRET 至少 32 个字符').optional(),
  QUNTUAN_ADMIN_PASSWORD: z.string().min(12, 'QUNTUAN_ADMIN_PASSWORD 至少 12 个字符').optional(),
  QUNTUAN_DATA_DIR: z.string().min(1).default('data'),
  QUNTUAN_WEB_DIR: z.string().min(1).default('web/dist'),
  QUNTUAN_SESSION_HOURS: z.coerce.number().positive().default(12),
  QUNTUAN_UPLOAD_HOURS: z.coerce.number().positive().default(24),
  // spreadsheets parsed at once (the memory budget, README), and how long one more waits before 429
  QUNTUAN_IMPORT_PARSES: z.coerce.number().int().min(1).max(64, 'QUNTUAN_IMPORT_PARSES 最多 64').default(2),
  QUNTUAN_IMPORT_WAIT_SECONDS: z.coerce.number().min(0).max(600, 'QUNTUAN_IMPORT_WAIT_SECONDS 最多 600 秒').default(20),
  QUNTUAN_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  QUNTUAN_API_RATE_PER_MINUTE: z.coerce.number().int().min(10).default(3000),
  // the reverse proxy in front of the server: its addresses (comma-separated, CIDR allowed), or a hop count
  QUNTUAN_TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(\d{1,2}|[0-9a-fA-F:.\/]+(\s*,\s*[0-9a-fA-F:.\/]+)*)?$/, 'QUNTUAN_TRUST_PROXY 应为代理的地址（逗号分隔，可用 CIDR）或代理层数')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  CI: z.string().optional(),
  TEST_DATABASE_URL: z.string().optional(),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  // a real SMS provider for the public phone pages' one-time codes; without it codes go to the log
  QUNTUAN_SMS_URL: z.string().url('QUNTUAN_SMS_URL 应为 http(s) 地址').optional(),
  QUNTUAN_SMS_TOKEN: z.string().min(1).optional(),
  QUNTUAN_SMS_SIGN: z.string().min(1).default('群团工作平台'),
  // the daily 待办 digest: on or off, and the hour (Asia/Shanghai) the server sends it
  QUNTUAN_DIGEST: z.enum(['on', 'off'], { error: 'QUNTUAN_DIGEST 应为 on 或 off' }).default('on'),
  QUNTUAN_DIGEST_HOUR: z.coerce.number({ error: 'QUNTUAN_DIGEST_HOUR 应为 0—23 的整点' }).int('QUNTUAN_DIGEST_HOUR 应为 0—23 的整点').min(0, 'QUNTUAN_DIGEST_HOUR 应为 0—23 的整点').max(23, 'QUNTUAN_DIGEST_HOUR 应为 0—23 的整点').default(8),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  secret: string | undefined;
  adminPassword: string | undefined;
  dataDir: string;
  webDir: string;
  sessionHours: number;
  /** hours an uploaded import file is kept for the wizard's confirm step (then deleted) */
  uploadHours: number;
  /** spreadsheets parsed at once by this process (imports, previews, error workbooks); more wait, then 429 */
  importParses: number;
  /** seconds a parse past `importParses` waits for a place before 429 */
  importWaitSeconds: number;
  seedDemo: 'auto' | 'never';
  /** requests a signed-in user may make per minute before 429 */
  apiRatePerMinute: number;
  /**
   * Fastify's trustProxy: false (no proxy: the peer is the client), a hop count, or the proxies' addresses.
   * Behind a trusted proxy, X-Forwarded-For names the client and X-Forwarded-Proto https marks cookies Secure.
   */
  trustProxy: false | number | string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  isCi: boolean;
  isTest: boolean;
  testDatabaseUrl: string | undefined;
  chromiumPath: string;
  /** SMS provider (HTTP JSON POST); null: one-time codes are written to the log (development, tests) */
  sms: { url: string; token: string | undefined; sign: string } | null;
  /** the daily 待办 digest (modules/todo/digest.ts): sent once a day from `hour` o'clock, Asia/Shanghai */
  digest: { enabled: boolean; hour: number };
}

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): Config['database'] {
  if (!url) return { kind: 'sqlite', file: `${dataDir}/quntuan.db` };
  if (url.startsWith('file:')) return { kind: 'sqlite', file: url.slice('file:'.length) };
  return { kind: 'postgres', url };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`环境变量有误 (bad environment):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL, e.QUNTUAN_DATA_DIR),
    secret: e.QUNTUAN_SECRET,
    adminPassword: e.QUNTUAN_ADMIN_PASSWORD,
    dataDir: e.QUNTUAN_DATA_DIR,
    webDir: e.QUNTUAN_WEB_DIR,
    sessionHours: e.QUNTUAN_SESSION_HOURS,
    uploadHours: e.QUNTUAN_UPLOAD_HOURS,
    importParses: e.QUNTUAN_IMPORT_PARSES,
    importWaitSeconds: e.QUNTUAN_IMPORT_WAIT_SECONDS,
    seedDemo: e.QUNTUAN_SEED_DEMO,
    apiRatePerMinute: e.QUNTUAN_API_RATE_PER_MINUTE,
    trustProxy: !e.QUNTUAN_TRUST_PROXY ? false : /^\d{1,2}$/.test(e.QUNTUAN_TRUST_PROXY) ? Number(e.QUNTUAN_TRUST_PROXY) : e.QUNTUAN_TRUST_PROXY.replace(/\s+/g, ''),
    logLevel: e.LOG_LEVEL,
    isCi: e.CI === 'true' || e.CI === '1',
    isTest: e.NODE_ENV === 'test' || Boolean(env.VITEST),
    testDatabaseUrl: e.TEST_DATABASE_URL,
    chromiumPath: e.CHROMIUM_PATH,
    sms: e.QUNTUAN_SMS_URL ? { url: e.QUNTUAN_SMS_URL, token: e.QUNTUAN_SMS_TOKEN, sign: e.QUNTUAN_SMS_SIGN } : null,
    digest: { enabled: e.QUNTUAN_DIGEST === 'on', hour: e.QUNTUAN_DIGEST_HOUR },
  };
}
