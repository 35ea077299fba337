// GET /chat/widget.js: the widget, written in TypeScript (widget/chat-widget.ts, erasable
// syntax only) and served as plain JavaScript: Node strips its types once, at the first
// request (the server has no build step, see docs/ARCHITECTURE.md), and keeps the script and
// its gzip in memory. Shops embed it with one tag; a short cache lets a fix reach them soon.
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Api } from '../../platform/http/api.ts';

export const WIDGET_PATH = '/chat/widget.js';
const source = new URL('./widget/chat-widget.ts', import.meta.url);

let built: { js: Buffer; gzip: Buffer } | undefined;

/** The script as served, and its gzip (what a shop's visitors download). */
export function widgetScript(): { js: Buffer; gzip: Buffer } {
  if (!built) {
    const js = Buffer.from(stripTypeScriptTypes(readFileSync(source, 'utf8'), { mode: 'strip' }), 'utf8');
    built = { js, gzip: gzipSync(js, { level: 9 }) };
  }
  return built;
}

export function registerWidgetRoute(app: Api): void {
  app.get(WIDGET_PATH, { config: { auth: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const { js, gzip } = widgetScript();
    const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('vary', 'Accept-Encoding')
      // Loaded by other sites' pages: a script tag needs no CORS, but the resource policy must let it cross.
      .header('cross-origin-resource-policy', 'cross-origin');
    if (gzipped) reply.header('content-encoding', 'gzip');
    return reply.send(gzipped ? gzip : js);
  });
}
