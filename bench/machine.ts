// The machine a run happened on, as the report states it.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  os: string;
  kernel: string;
  node: string;
}

export function describeMachine(): Machine {
  const cpuinfo = safeRead('/proc/cpuinfo');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length || cpus().length;
  const os = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(safeRead('/etc/os-release'))?.[1] ?? process.platform;
  return {
    cpuModel: model,
    cores,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os,
    kernel: release(),
    node: process.version,
  };
}

/** 1-minute load average: above the core count, something else was competing for the CPU. */
export function load1(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
