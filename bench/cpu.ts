// CPU accounting over a measured phase, from /proc: how many cores the server, the database
// backends (with their short-lived parallel workers, sampled 4 times a second) and the load
// generator used, and how much the rest of the machine took meanwhile (other work on a shared
// machine slows every figure down).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface CpuUsage {
  wallS: number;
  /** Cores busy on the whole machine (of `cores`). */
  machine: number;
  cores: number;
  server: number;
  /** PostgreSQL processes serving the benchmark database (0 for PGlite: it runs inside the server). */
  database: number;
  loadGenerator: number;
  /** Everything else: other processes on the machine, the kernel's own work. */
  other: number;
}

const HZ = 100;

function machineBusyTicks(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return f.slice(0, 8).reduce((a, b) => a + b, 0) - f[3]! - f[4]!;
}

function read(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

function processTicks(pid: number): number | undefined {
  const stat = read(pid, 'stat');
  if (!stat) return undefined;
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

/** Parallel workers started by the given backends ("postgres: parallel worker for PID n"). */
function parallelWorkers(backends: Set<number>): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const m = /^postgres: parallel worker for PID (\d+)/.exec(read(Number(entry), 'cmdline') ?? '');
    if (m && backends.has(Number(m[1]))) out.push(Number(entry));
  }
  return out;
}

/** Starts measuring; the returned function ends the phase and gives the usage. */
export async function meterCpu(serverPid: () => number, databasePids: () => Promise<number[]>): Promise<() => Promise<CpuUsage>> {
  const t0 = performance.now();
  const m0 = machineBusyTicks();
  const pid0 = serverPid();
  const s0 = processTicks(pid0) ?? 0;
  const me0 = process.cpuUsage();
  // Ticks at the first and the last sight of every database process.
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let backends = new Set(await databasePids());
  const sample = (isNew: boolean) => {
    for (const pid of [...backends, ...(backends.size ? parallelWorkers(backends) : [])]) {
      const ticks = processTicks(pid);
      if (ticks === undefined) continue;
      if (!first.has(pid)) first.set(pid, isNew ? ticks : 0);
      last.set(pid, ticks);
    }
  };
  sample(true);
  let refreshing = false;
  let samples = 0;
  const timer = setInterval(() => {
    sample(false);
    if (++samples % 4 === 0 && !refreshing) {
      refreshing = true;
      databasePids()
        .then((pids) => (backends = new Set(pids)))
        .catch(() => {})
        .finally(() => (refreshing = false));
    }
  }, 250);
  timer.unref();
  return async () => {
    clearInterval(timer);
    sample(false);
    const wallS = (performance.now() - t0) / 1000;
    let db = 0;
    for (const [pid, ticks] of last) db += ticks - (first.get(pid) ?? 0);
    const me = process.cpuUsage(me0);
    const cores = (ticks: number) => Math.round((ticks / HZ / wallS) * 100) / 100;
    const machine = cores(machineBusyTicks() - m0);
    // A server restarted meanwhile (PGlite after an abandoned search) cannot be accounted for.
    const server = serverPid() === pid0 ? cores((processTicks(pid0) ?? s0) - s0) : Number.NaN;
    const database = cores(db);
    const loadGenerator = Math.round(((me.user + me.system) / 1e6 / wallS) * 100) / 100;
    return {
      wallS: Math.round(wallS * 10) / 10,
      machine,
      cores: cpus().length,
      server,
      database,
      loadGenerator,
      other: Number.isNaN(server) ? Number.NaN : Math.max(0, Math.round((machine - server - database - loadGenerator) * 100) / 100),
    };
  };
}
