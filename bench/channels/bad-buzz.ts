// A "bad buzz": thousands of angry mentions of the brand on X within a minute, each delivered
// to the Account Activity webhook as X does (one signed POST per tweet), some delivered twice
// (X retries). Measured: the webhook's answer time (X expects an answer within seconds), then,
// once the server has processed them all, that every tweet is stored once, none twice, each
// became a triaged message on a case (a repeat author's on their open case).
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { signIn, createOrganisation } from '../bootstrap.ts';
import type { EngineName } from '../engine.ts';
import { BENCH_ADMIN, startFreshServer } from '../fresh-server.ts';
import { summarise, type LatencySummary } from '../stats.ts';

export interface BadBuzzResult {
  engine: EngineName;
  mentions: number;
  /** Deliveries of a tweet already sent (X's retries), on top of `mentions`. */
  redeliveries: number;
  authors: number;
  /** The pace the mentions were sent at, and how long sending took. */
  targetSeconds: number;
  sendSeconds: number;
  /** Webhook answers (every delivery, retries included). */
  answers: LatencySummary;
  /** Answers other than 200. */
  refused: number;
  /** Until the last mention was processed into a case. */
  processedSeconds: number;
  stored: number;
  processed: number;
  socialMessages: number;
  cases: number;
  urgent: number;
}

const BRAND_USER_ID = '990000000000000001';
const CONSUMER_SECRET = 'bench-consumer-secret-0123456789abcdef';

const complaints = [
  'Commande jamais livrée, trois semaines sans nouvelles. #fail',
  'Lave-linge arrivé cassé et le SAV ne répond pas. ARNAQUE',
  'Plus jamais chez vous. Remboursez-moi !!!',
  'Colis perdu par le transporteur, personne ne sait où il est.',
  'Je vais saisir la DGCCRF, c’est inadmissible.',
  'Produit défectueux au bout de deux jours, et on me demande de payer le retour ?',
  'Toujours aucune réponse à mon mail de la semaine dernière.',
  'Bonjour, ma télé ne s’allume plus, que faire ?',
];

function tweet(i: number, author: number, at: Date) {
  const video = i % 7 === 0;
  return {
    for_user_id: BRAND_USER_ID,
    tweet_create_events: [
      {
        id_str: String(1_900_000_000_000_000_000n + BigInt(i)),
        created_at: at.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 +0000 $4'),
        timestamp_ms: String(at.getTime()),
        text: `@maison_bench ${complaints[i % complaints.length]}${video ? ' https://t.co/v1d30' : ''}`,
        truncated: false,
        user: { id_str: String(800_000_000 + author), screen_name: `client_${author}`, name: `Client ${author}`, followers_count: (author * 37) % 60_000, verified: false },
        entities: { user_mentions: [{ id_str: BRAND_USER_ID, screen_name: 'maison_bench' }], hashtags: [], urls: [] },
        ...(video
          ? { extended_entities: { media: [{ type: 'video', media_url_https: 'https://pbs.twimg.com/v.jpg', video_info: { variants: [{ content_type: 'video/mp4', bitrate: 832000, url: 'https://video.twimg.com/v.mp4' }] } }] } }
          : {}),
      },
    ],
  };
}

const sign = (body: Buffer) => `sha256=${createHmac('sha256', CONSUMER_SECRET).update(body).digest('base64')}`;

function post(agent: Agent, url: URL, path: string, body: Buffer): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-twitter-webhooks-signature': sign(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function measureBadBuzz(
  engine: EngineName,
  options: { mentions: number; seconds: number; postgresUrl: string; logFile: string; cpuProfDir?: string | undefined; serverEnv?: Record<string, string>; timeoutMs?: number },
): Promise<BadBuzzResult> {
  const tag = `buzz${Date.now().toString(36)}`;
  const { target, server, http } = await startFreshServer(engine, { tag, postgresUrl: options.postgresUrl, logFile: options.logFile, cpuProfDir: options.cpuProfDir, extraEnv: options.serverEnv });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(server.url);
  // Most authors complain once; one in five comes back (their next mentions join their case).
  const authors = Math.max(1, Math.round(options.mentions * 0.8));
  const authorOf = (i: number) => (i < authors ? i : (i * 7919) % authors);
  const redeliveries = Math.round(options.mentions * 0.02);
  let stopped = false;
  try {
    await signIn(http, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const org = await createOrganisation(http, tag);
    const account = await http.post<{ id: string }>('/api/v1/channel-accounts', {
      channel: 'x',
      name: 'X Maison',
      address: '@maison_bench',
      brandId: org.brandId,
      settings: { userId: BRAND_USER_ID, handle: 'maison_bench', apiBaseUrl: 'http://127.0.0.1:9' },
      secrets: { consumerSecret: CONSUMER_SECRET, accessToken: 'bench-access-token-0123456789abcdef' },
    });
    if (account.status !== 201) throw new Error(`creating the X account answered ${account.status}: ${JSON.stringify(account.body)}`);
    const path = `/api/v1/channels/x/${account.body.id}/webhook`;
    const started = new Date();
    const bodies = Array.from({ length: options.mentions }, (_, i) => Buffer.from(JSON.stringify(tweet(i, authorOf(i), new Date(started.getTime() + i)))));
    // The retries: a few tweets sent again, a little later, as X does when an answer is slow.
    const plan = [...bodies.map((b) => ({ body: b })), ...Array.from({ length: redeliveries }, (_, k) => ({ body: bodies[(k * 97) % bodies.length]! }))];
    const spacing = (options.seconds * 1000) / plan.length;

    // Open loop: each delivery leaves at its time, whether or not the earlier ones were answered.
    const latencies: number[] = [];
    let refused = 0;
    const t0 = performance.now();
    await Promise.all(
      plan.map(async (p, i) => {
        const due = t0 + i * spacing;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const answer = await post(agent, url, path, p.body);
        latencies.push(answer.ms);
        if (answer.status !== 200) refused += 1;
      }),
    );
    const sendSeconds = (performance.now() - t0) / 1000;

    // Processed: every mention is a social message of the account (the social inbox's live
    // figure counts them), a repeat author's joined to their open case.
    const deadline = performance.now() + (options.timeoutMs ?? 600_000);
    let processedAt = performance.now();
    for (;;) {
      const live = await http.get<{ accounts: { account: { id: string }; received24h: number }[] }>('/api/v1/social/response-times/live');
      const received = live.body.accounts?.find((a) => a.account.id === account.body.id)?.received24h ?? 0;
      processedAt = performance.now();
      if (received >= options.mentions || processedAt > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await server.stop();
    stopped = true;

    const db = await target.connect();
    try {
      const [row] = await db.query<{ stored: number; processed: number; social: number; cases: number; urgent: number }>(
        `SELECT (SELECT count(*)::int FROM inbound_message WHERE channel = 'x') AS stored,
                (SELECT count(*)::int FROM inbound_message WHERE channel = 'x' AND state = 'processed') AS processed,
                (SELECT count(*)::int FROM social_message WHERE channel = 'x' AND direction = 'in') AS social,
                (SELECT count(*)::int FROM sav_case WHERE channel = 'x') AS cases,
                (SELECT count(*)::int FROM sav_case WHERE channel = 'x' AND priority = 'urgent') AS urgent`,
      );
      return {
        engine,
        mentions: options.mentions,
        redeliveries,
        authors,
        targetSeconds: options.seconds,
        sendSeconds: Number(sendSeconds.toFixed(2)),
        answers: summarise(latencies),
        refused,
        processedSeconds: Number(((processedAt - t0) / 1000).toFixed(2)),
        stored: row!.stored,
        processed: row!.processed,
        socialMessages: row!.social,
        cases: row!.cases,
        urgent: row!.urgent,
      };
    } finally {
      await db.close();
    }
  } finally {
    agent.destroy();
    http.close();
    if (!stopped) await server.stop();
    await target.drop();
  }
}
