// Configuration: read from the environment once at start, validated with zod.
// A bad value stops the process with a message that names the variable; production
// refuses to start on a missing secret instead of inventing one.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { careConfig, careEnv, type CareConfig } from './config-care.ts';
import { inboundConfig, inboundEnv, type InboundConfig } from './config-inbound.ts';
import { outboundConfig, outboundEnv, type OutboundConfig } from './config-outbound.ts';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const timezone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris');

/** Every variable Comptoir reads, with its default. The README's configuration table mirrors this. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  COMPTOIR_PUBLIC_URL: z.url().optional(),
  COMPTOIR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  DATABASE_PARALLEL_WORKERS: int(0, 64).default(0),
  DATABASE_WORKER_POOL_SIZE: int(1, 200).default(4),
  COMPTOIR_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]{43,}$/, 'must be at least 32 random bytes, base64-encoded (openssl rand -base64 32)')
    .optional(),
  COMPTOIR_ADMIN_EMAIL: z.email().optional(),
  COMPTOIR_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  COMPTOIR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COMPTOIR_SESSION_TTL_HOURS: int(1, 24 * 90).default(12),
  COMPTOIR_COOKIE_SECURE: bool.optional(),
  COMPTOIR_TRUST_PROXY: bool.default(false),
  COMPTOIR_BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
  COMPTOIR_DEFAULT_LANGUAGE: z.enum(['fr', 'en']).default('fr'),
  COMPTOIR_DEFAULT_COUNTRY: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as FR').default('FR'),
  COMPTOIR_TIMEZONE: timezone.default('Europe/Paris'),
  COMPTOIR_CASE_PREFIX: z.string().regex(/^[A-Z]{2,6}$/, 'must be 2 to 6 capital letters').default('SAV'),
  COMPTOIR_WORKER_CONCURRENCY: int(1, 256).default(8),
  COMPTOIR_JOB_POLL_MS: int(50, 60_000).default(1000),
  COMPTOIR_LOGIN_MAX_ATTEMPTS: int(1, 1000).default(10),
  COMPTOIR_LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  COMPTOIR_ARGON2_MEMORY_KIB: int(8, 4 * 1024 * 1024).default(19456),
  COMPTOIR_STREAM_RECHECK_MS: int(100, 3_600_000).default(30_000),
  COMPTOIR_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  ...outboundEnv,
  ...inboundEnv,
  ...careEnv,
  COMPTOIR_BLOB_DIR: z.string().min(1).optional(),
  COMPTOIR_UPLOAD_MAX_BYTES: int(1024, 1024 * 1024 * 1024).default(10 * 1024 * 1024),
  COMPTOIR_UPLOAD_MAX_FILES: int(1, 50).default(5),
  COMPTOIR_FORM_FRAME_ANCESTORS: z
    .string()
    .regex(/^[\w\s*:/.'-]+$/, "must be CSP frame-ancestors sources, e.g. * or 'self' https://www.example.fr")
    .default('*'),
  COMPTOIR_FORM_MIN_FILL_SECONDS: int(0, 3600).default(3),
  COMPTOIR_PUBLIC_READS_PER_MINUTE: int(1, 100_000).default(120),
  COMPTOIR_PUBLIC_WRITES_PER_HOUR: int(1, 100_000).default(30),
  COMPTOIR_CHAT_MESSAGES_PER_HOUR: int(1, 100_000).default(240),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  http: { host: string; port: number; publicUrl: string; trustProxy: boolean; bodyLimit: number; cookieSecure: boolean };
  database: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string; poolSize: number; workerPoolSize: number; parallelWorkers: number };
  dataDir: string;
  secretKey: Buffer;
  bootstrapAdmin: { email: string | undefined; password: string | undefined };
  logLevel: Env['COMPTOIR_LOG_LEVEL'];
  sessionTtlHours: number;
  defaults: { language: 'fr' | 'en'; country: string; timezone: string; casePrefix: string };
  jobs: { concurrency: number; pollMs: number };
  login: { maxAttempts: number; windowMinutes: number };
  argon2MemoryKiB: number;
  /** How often a live stream re-checks that its session or token is still valid. */
  streamRecheckMs: number;
  /** Password of the demo accounts (`--demo`); generated when unset. */
  demoPassword: string | undefined;
  /** E-mail transport and sender, SMS provider and quiet hours (config-outbound.ts). */
  outbound: OutboundConfig;
  /** The SMTP server, message size, threading and reopening (config-inbound.ts). */
  email: InboundConfig;
  /** The disputes queue, the customer-effort threshold, the follow-up after closing (config-care.ts). */
  care: CareConfig;
  /** Where attachments are kept (the local-folder blob store). */
  blobs: { dir: string };
  /** Files sent with a message: the size of each and how many at once. */
  uploads: { maxBytes: number; maxFiles: number };
  /** The embeddable web form: who may frame it, and how fast a person can fill it at least. */
  webform: { frameAncestors: string; minFillSeconds: number };
  /** Public pages and APIs (tracking, web form): hits allowed per IP, per tracking link, per e-mail. */
  publicLimits: { readsPerMinute: number; writesPerHour: number };
  /** Live chat visitors: messages allowed per hour, per IP and per conversation (a conversation is many short messages). */
  chat: { messagesPerHour: number };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Parses the environment into a Config, or throws ConfigError listing every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(pickDefined(source));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = resolve(e.COMPTOIR_DATA_DIR);
  const problems: string[] = [];
  if (production && !e.COMPTOIR_SECRET_KEY) {
    problems.push('COMPTOIR_SECRET_KEY: required in production (openssl rand -base64 32)');
  }
  if (production && !e.COMPTOIR_PUBLIC_URL) {
    problems.push('COMPTOIR_PUBLIC_URL: required in production (the address customers reach, e.g. https://sav.example.com)');
  }
  if (production && e.COMPTOIR_ADMIN_EMAIL && !e.COMPTOIR_ADMIN_PASSWORD) {
    // In production a generated password printed to a log collector is a leak.
    problems.push('COMPTOIR_ADMIN_PASSWORD: required in production when COMPTOIR_ADMIN_EMAIL is set');
  }
  const outbound = outboundConfig(e, production, dataDir, problems);
  if (problems.length) throw new ConfigError(problems);

  const secretKey = e.COMPTOIR_SECRET_KEY ? decodeKey(e.COMPTOIR_SECRET_KEY) : developmentKey(dataDir, e.NODE_ENV);
  if (secretKey.length < 32) throw new ConfigError(['COMPTOIR_SECRET_KEY: decodes to fewer than 32 bytes']);

  return {
    env: e.NODE_ENV,
    production,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: (e.COMPTOIR_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      trustProxy: e.COMPTOIR_TRUST_PROXY,
      bodyLimit: e.COMPTOIR_BODY_LIMIT_BYTES,
      cookieSecure: e.COMPTOIR_COOKIE_SECURE ?? production,
    },
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, workerPoolSize: e.DATABASE_WORKER_POOL_SIZE, parallelWorkers: e.DATABASE_PARALLEL_WORKERS }
      : { engine: 'pglite', dataDir: join(dataDir, 'pglite') },
    dataDir,
    secretKey,
    bootstrapAdmin: { email: e.COMPTOIR_ADMIN_EMAIL, password: e.COMPTOIR_ADMIN_PASSWORD },
    logLevel: e.COMPTOIR_LOG_LEVEL,
    sessionTtlHours: e.COMPTOIR_SESSION_TTL_HOURS,
    defaults: {
      language: e.COMPTOIR_DEFAULT_LANGUAGE,
      country: e.COMPTOIR_DEFAULT_COUNTRY,
      timezone: e.COMPTOIR_TIMEZONE,
      casePrefix: e.COMPTOIR_CASE_PREFIX,
    },
    jobs: { concurrency: e.COMPTOIR_WORKER_CONCURRENCY, pollMs: e.COMPTOIR_JOB_POLL_MS },
    login: { maxAttempts: e.COMPTOIR_LOGIN_MAX_ATTEMPTS, windowMinutes: e.COMPTOIR_LOGIN_WINDOW_MINUTES },
    argon2MemoryKiB: e.COMPTOIR_ARGON2_MEMORY_KIB,
    streamRecheckMs: e.COMPTOIR_STREAM_RECHECK_MS,
    demoPassword: e.COMPTOIR_DEMO_PASSWORD,
    outbound,
    email: inboundConfig(e),
    care: careConfig(e),
    blobs: { dir: resolve(e.COMPTOIR_BLOB_DIR ?? join(dataDir, 'blobs')) },
    uploads: { maxBytes: e.COMPTOIR_UPLOAD_MAX_BYTES, maxFiles: e.COMPTOIR_UPLOAD_MAX_FILES },
    webform: { frameAncestors: e.COMPTOIR_FORM_FRAME_ANCESTORS.trim(), minFillSeconds: e.COMPTOIR_FORM_MIN_FILL_SECONDS },
    publicLimits: { readsPerMinute: e.COMPTOIR_PUBLIC_READS_PER_MINUTE, writesPerHour: e.COMPTOIR_PUBLIC_WRITES_PER_HOUR },
    chat: { messagesPerHour: e.COMPTOIR_CHAT_MESSAGES_PER_HOUR },
  };
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function pickDefined(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function decodeKey(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * Outside production a missing key is generated once and kept in the data folder (mode 0600),
 * so `npm start` works on a fresh clone and encrypted data survives restarts.
 */
function developmentKey(dataDir: string, env: Env['NODE_ENV']): Buffer {
  if (env === 'test') return randomBytes(32);
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8').trim());
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}
