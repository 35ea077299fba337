// Server-Sent Events: headers, heartbeats (proxies close idle connections), and clean-up
// when the client goes away.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseStream {
  send(event: { id?: string; event?: string; data: unknown }): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
  /** Ends the stream from the server side. */
  end(): void;
}

export function openSse(request: FastifyRequest, reply: FastifyReply, heartbeatMs = 25_000): SseStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  let closed = false;
  const closers: (() => void)[] = [];
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  heartbeat.unref();
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const fn of closers) fn();
  };
  request.raw.on('close', close);
  res.on('error', close);
  return {
    send({ id, event, data }) {
      if (closed) return;
      let frame = '';
      if (id) frame += `id: ${id}\n`;
      if (event) frame += `event: ${event}\n`;
      frame += `data: ${JSON.stringify(data)}\n\n`;
      res.write(frame);
    },
    get closed() {
      return closed;
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    end() {
      close();
      res.end();
    },
  };
}
