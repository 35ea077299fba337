// An SMTP relay for the benchmarks (smtp-server on loopback): the server's outgoing mail goes
// here, and each message is handed to `onMail` with the moment it had fully arrived.
import { SMTPServer } from 'smtp-server';

export async function startRelay(onMail: (raw: string, at: number) => void): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of the client: this machine has no resolver to ask, and a relay's lookup
    // is not what is measured.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        onMail(Buffer.concat(chunks).toString('utf8'), performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Pairs each message's start (known once its request or SMTP exchange resolves) with the moment
 * its acknowledgment reached the relay, by a key both carry. The acknowledgment may arrive
 * first: it then waits in `early` for its start.
 */
export class ArrivalLatencies {
  private readonly startedAt = new Map<string, number>();
  private readonly early = new Map<string, number>();
  readonly latencies: number[] = [];
  /** The last arrival paired, in performance.now() time. */
  lastArrival = 0;

  started(key: string, at: number): void {
    const arrived = this.early.get(key);
    if (arrived === undefined) this.startedAt.set(key, at);
    else if (this.early.delete(key)) this.pair(at, arrived);
  }

  arrived(key: string, at: number): void {
    const started = this.startedAt.get(key);
    if (started === undefined) this.early.set(key, at);
    else if (this.startedAt.delete(key)) this.pair(started, at);
  }

  /** Arrivals not yet paired (a warm-up's acknowledgments, which no start claims). */
  get unpaired(): number {
    return this.early.size;
  }

  /** Forgets the warm-up's arrivals. */
  forgetUnpaired(): void {
    this.early.clear();
  }

  private pair(started: number, at: number): void {
    this.latencies.push(at - started);
    this.lastArrival = Math.max(this.lastArrival, at);
  }
}
