// What each end-to-end measurement starts from: an empty database on the engine, a server
// started on it as a child process with the benchmark's administrator, and an HTTP client.
import { provision, type BenchTarget, type EngineName } from './engine.ts';
import { HttpClient } from './http.ts';
import { startServer, type RunningServer } from './server.ts';

export const BENCH_ADMIN = { email: 'admin@bench.comptoir.fr', password: 'benchmark-admin-password' };

export interface FreshServer {
  target: BenchTarget;
  server: RunningServer;
  http: HttpClient;
}

export async function startFreshServer(
  engine: EngineName,
  o: { tag: string; postgresUrl: string; logFile: string; cpuProfDir?: string | undefined; extraEnv?: Record<string, string>; maxSockets?: number },
): Promise<FreshServer> {
  const target = await provision(engine, { postgresUrl: o.postgresUrl, tag: o.tag });
  const server = await startServer({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    adminEmail: BENCH_ADMIN.email,
    adminPassword: BENCH_ADMIN.password,
    logFile: o.logFile,
    cpuProfDir: o.cpuProfDir,
    extraEnv: { ...o.extraEnv },
  });
  return { target, server, http: new HttpClient(server.url, o.maxSockets ? { maxSockets: o.maxSockets } : {}) };
}
