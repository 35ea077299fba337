// Starts Comptoir as a real child process (`node src/main.ts start --role all`) on a free
// port, waits until /health answers, and stops it; reads its peak RSS from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface ServerOptions {
  /** COMPTOIR_DATA_DIR (PGlite keeps its database in <dataDir>/pglite). */
  dataDir: string;
  /** Set for PostgreSQL; PGlite otherwise. */
  databaseUrl?: string | undefined;
  adminEmail: string;
  adminPassword: string;
  /** stdout and stderr of the server are appended here. */
  logFile: string;
  /** Write a V8 CPU profile of the server into this folder (node --cpu-prof). */
  cpuProfDir?: string | undefined;
  /** More environment variables for the server (configuration experiments). */
  extraEnv?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  pid: number;
  /** VmHWM of the server process, in KiB (the most it has ever held resident). */
  peakRssKiB(): number;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period); returns its final peak RSS. */
  stop(): Promise<number>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function readPeakRssKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    COMPTOIR_LOG_LEVEL: 'warn',
    // Several benchmark servers may run at once (the smoke test runs both engines).
    COMPTOIR_SMTP_INBOUND_PORT: '0',
    COMPTOIR_DATA_DIR: options.dataDir,
    COMPTOIR_ADMIN_EMAIL: options.adminEmail,
    COMPTOIR_ADMIN_PASSWORD: options.adminPassword,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.extraEnv,
  };
  const nodeArgs = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...nodeArgs, 'src/main.ts', 'start', '--role', 'all'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 120_000, () => tail);
  } catch (error) {
    await kill(child, exited);
    log.end();
    throw error;
  }
  const pid = child.pid!;
  let lastPeak = 0;
  const peak = () => (lastPeak = Math.max(lastPeak, readPeakRssKiB(pid)));
  return {
    url,
    pid,
    peakRssKiB: peak,
    async stop() {
      peak();
      await kill(child, exited);
      log.end();
      return lastPeak;
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, tail: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} while starting:\n${tail()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /health within ${timeoutMs} ms:\n${tail()}`);
}

async function kill(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
