// A small JSON client over keep-alive HTTP (node:http), with the latency of each request.
import { Agent, request } from 'node:http';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

export class TimeoutError extends Error {}

export class HttpClient {
  baseUrl: URL;
  readonly agent: Agent;
  token: string | undefined;

  constructor(baseUrl: string, options: { maxSockets?: number } = {}) {
    this.baseUrl = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 32 });
  }

  /** Points the client at a restarted server (the port changes). */
  retarget(baseUrl: string): void {
    this.baseUrl = new URL(baseUrl);
  }

  get<T = unknown>(path: string, options: { timeoutMs?: number } = {}): Promise<Answer<T>> {
    return this.send<T>('GET', path, undefined, options.timeoutMs);
  }

  post<T = unknown>(path: string, body: unknown): Promise<Answer<T>> {
    return this.send<T>('POST', path, body);
  }

  /**
   * Sends one request; the body is parsed as JSON when the answer says it is JSON. After
   * `timeoutMs` the request is abandoned (its socket closed) with a TimeoutError.
   */
  send<T>(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<Answer<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        { host: this.baseUrl.hostname, port: this.baseUrl.port, path, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            const json = /json/.test(String(res.headers['content-type'] ?? '')) && text.length > 0;
            try {
              resolve({ status: res.statusCode ?? 0, body: (json ? JSON.parse(text) : text) as T, ms });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      if (timeoutMs !== undefined) {
        req.setTimeout(timeoutMs, () => req.destroy(new TimeoutError(`${method} ${path}: no answer after ${timeoutMs} ms`)));
      }
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Throws with the server's answer unless the status is the expected one. */
export function expectStatus<T>(answer: Answer<T>, status: number, what: string): T {
  if (answer.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  return answer.body;
}
