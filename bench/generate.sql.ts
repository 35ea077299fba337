// The SQL of the bulk generator. Every statement runs unchanged on PostgreSQL and PGlite.
// Parameters are written {{name}} and bound positionally by `bind`.
//
// Shape of the data (one generation batch of N cases and N/4 customers):
// - case i is created at now - span × (1 - (i + u) / N): spread evenly over the span;
// - its customer is one of the customers that already existed then (older customers have
//   more cases); customer n was created at now - span × (1 - n / M) - 1 h;
// - cases active in the last 60 days are open 70% of the time, older ones 4%; the rest are
//   solved or closed; last activity follows creation by up to 3 weeks (open: up to now);
// - 5 timeline events per case: case_created, the customer's message, the agent's reply
//   (a note while the case is new), a follow-up message or internal note, and the status
//   change (a note while new); ids are UUIDv7 from each row's own instant.

/** Replaces {{name}} with $1, $2… and returns the values in that order. */
export function bind(text: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const out = text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`missing SQL parameter ${name}`);
    let index = order.indexOf(name);
    if (index < 0) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text: out, values: order.map((n) => params[n]) };
}

/** Session helpers: a UUIDv7 builder, the customer id of (batch, n), and the text pools. */
export const sessionSetup = [
  `CREATE FUNCTION pg_temp.bench_uuid7(ts timestamptz, seed text, k int) RETURNS uuid
   LANGUAGE sql IMMUTABLE AS $$
     SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0')
             || '7' || lpad(to_hex(k), 3, '0')
             || substr('89ab', 1 + (get_byte(decode(md5(seed), 'hex'), 0) & 3), 1)
             || substr(md5(seed), 3, 15))::uuid
   $$`,
  `CREATE FUNCTION pg_temp.bench_customer_at(n int, m int, now timestamptz, span interval) RETURNS timestamptz
   LANGUAGE sql IMMUTABLE AS $$ SELECT now - span * (1 - n::float8 / m) - interval '1 hour' $$`,
  `CREATE FUNCTION pg_temp.bench_customer_id(batch text, n int, m int, now timestamptz, span interval) RETURNS uuid
   LANGUAGE sql IMMUTABLE AS $$ SELECT pg_temp.bench_uuid7(pg_temp.bench_customer_at(n, m, now, span), batch || ':c' || n, 0) $$`,
  `CREATE TEMP TABLE bench_pool (kind text, lang text, i int, v text, PRIMARY KEY (kind, lang, i))`,
];

export const insertPool = `INSERT INTO bench_pool (kind, lang, i, v)
  SELECT {{kind}}::text, {{lang}}::text, ord::int, v FROM unnest({{values}}::text[]) WITH ORDINALITY AS t(v, ord)`;

export const customerChunk = [
  `CREATE TEMP TABLE chunk_customer ON COMMIT DROP AS
   SELECT c.n, c.lang, c.created_at, f.v AS first_name, l.v AS last_name,
          pg_temp.bench_customer_id({{batch}}::text, c.n, {{m}}::int, {{now}}::timestamptz, {{span}}::interval) AS id,
          regexp_replace(lower(unaccent(f.v || '.' || l.v)), '[^a-z0-9.]+', '-', 'g') || '.' || {{batch}}::text || 'c' || c.n
            || '@' || (ARRAY['exemple.fr','orange.fr','gmail.com','free.fr','laposte.net','outlook.fr'])[1 + c.n % 6] AS email
   FROM (
     SELECT n, CASE WHEN random() < 0.85 THEN 'fr' ELSE 'en' END AS lang,
            pg_temp.bench_customer_at(n, {{m}}::int, {{now}}::timestamptz, {{span}}::interval) AS created_at,
            random() AS rf, 1 + floor(random() * {{lastCount}}::int)::int AS li
     FROM generate_series({{from}}::int, {{to}}::int - 1) AS n
   ) c
   JOIN bench_pool f ON f.kind = 'first' AND f.lang = c.lang
        AND f.i = 1 + floor(c.rf * CASE WHEN c.lang = 'fr' THEN {{firstFr}}::int ELSE {{firstEn}}::int END)::int
   JOIN bench_pool l ON l.kind = 'last' AND l.lang = 'fr' AND l.i = c.li`,
  `INSERT INTO customer (id, display_name, first_name, last_name, language, search_text, created_at, updated_at)
   SELECT id, first_name || ' ' || last_name, first_name, last_name, lang,
          lower(unaccent(first_name || ' ' || last_name || ' ' || first_name || ' ' || last_name || ' ' || email)),
          created_at, created_at
   FROM chunk_customer`,
  `INSERT INTO customer_identity (id, customer_id, kind, system, value, display_value, verified, created_at)
   SELECT pg_temp.bench_uuid7(created_at, {{batch}}::text || ':i' || n, 1), id, 'email', '', email, email, false, created_at
   FROM chunk_customer`,
];

const pool = (kind: string, index: string, lang = 'b.lang') =>
  `(SELECT v FROM bench_pool WHERE kind = '${kind}' AND lang = ${lang} AND i = ${index})`;

export const caseChunk = [
  `CREATE TEMP TABLE chunk_case ON COMMIT DROP AS
   WITH drawn AS (
     SELECT i, {{batch}}::text || ':' || i AS seed,
            {{now}}::timestamptz - {{span}}::interval * (1 - (i + random()) / {{n}}::int) AS created_at,
            floor(random() * greatest(1, floor({{m}}::float8 * (i + 1) / {{n}}::int)))::int AS cust_n,
            random() AS r_state, random() AS r_status, random() AS r_dur, random() AS r_assign, random() AS r_follow,
            random() AS r_tag, random() AS r_order, random() AS r_sign1, random() AS r_sign2, random() AS r_rare1, random() AS r_rare2,
            1 + floor(random() * 100)::int AS team_slot, 1 + floor(random() * 100)::int AS channel_slot,
            1 + floor(random() * 100)::int AS priority_slot, 1 + floor(random() * {{reasonCount}}::int)::int AS reason_slot,
            1 + floor(random() * {{agentCount}}::int)::int AS agent_slot, 1 + floor(random() * {{openStepCount}}::int)::int AS step_slot,
            1 + floor(random() * {{sentenceCount}}::int)::int AS sa, 1 + floor(random() * {{sentenceCount}}::int)::int AS sb,
            1 + floor(random() * {{sentenceCount}}::int)::int AS sc, 1 + floor(random() * {{sentenceCount}}::int)::int AS sd,
            1 + floor(random() * {{sentenceCount}}::int)::int AS se, 1 + floor(random() * {{productCount}}::int)::int AS pr,
            1 + floor(random() * {{subjectCount}}::int)::int AS su, 1 + floor(random() * {{noteCount}}::int)::int AS n1,
            1 + floor(random() * {{noteCount}}::int)::int AS n2, 1 + floor(random() * {{noteCount}}::int)::int AS n3,
            1 + floor(random() * {{rareCount}}::int)::int AS rw
     FROM generate_series({{from}}::int, {{to}}::int - 1) AS i
   ), stated AS (
     SELECT d.*,
            CASE WHEN (d.created_at > {{now}}::timestamptz - interval '60 days' AND d.r_state < 0.70) OR d.r_state < 0.04 THEN
                   CASE WHEN d.r_status < 0.15 THEN 'new' WHEN d.r_status < 0.60 THEN 'open'
                        WHEN d.r_status < 0.85 THEN 'waiting_customer' ELSE 'waiting_third_party' END
                 WHEN d.created_at > {{now}}::timestamptz - interval '14 days' OR d.r_status < 0.15 THEN 'solved'
                 ELSE 'closed' END AS status
     FROM drawn d
   ), b AS (
     SELECT s.*, cu.id AS customer_id, cu.language AS lang, cu.first_name, cu.last_name,
            least({{now}}::timestamptz - interval '1 minute',
                  CASE WHEN s.status IN ('new', 'open', 'waiting_customer', 'waiting_third_party')
                       THEN s.created_at + ({{now}}::timestamptz - s.created_at) * (0.2 + 0.8 * s.r_dur)
                       ELSE s.created_at + interval '1 hour' + interval '21 days' * s.r_dur * s.r_dur END) AS last_activity_at,
            extract(year FROM s.created_at AT TIME ZONE {{timezone}}::text)::int AS year
     FROM stated s
     JOIN customer cu ON cu.id = pg_temp.bench_customer_id({{batch}}::text, s.cust_n, {{m}}::int, {{now}}::timestamptz, {{span}}::interval)
   )
   SELECT b.i, b.seed, b.created_at, b.last_activity_at, b.status, b.customer_id, b.lang, b.year,
          pg_temp.bench_uuid7(b.created_at, b.seed, 0) AS id,
          comptoir_next_case_seq(b.year)::int AS seq,
          b.created_at + (b.last_activity_at - b.created_at) * 0.35 AS t3,
          b.created_at + (b.last_activity_at - b.created_at) * 0.7 AS t4,
          b.status = 'new' AS is_new, b.r_follow < 0.7 AS follow_in,
          ({{teams}}::uuid[])[b.team_slot] AS team_id,
          ({{channels}}::text[])[b.channel_slot] AS channel,
          ({{priorities}}::text[])[b.priority_slot] AS priority,
          ({{reasons}}::uuid[])[b.reason_slot] AS reason_id,
          ({{agents}}::uuid[])[b.agent_slot] AS agent_id,
          CASE WHEN b.status = 'closed' THEN {{closedStep}}::uuid ELSE ({{openSteps}}::uuid[])[b.step_slot] END AS step_id,
          CASE WHEN b.r_assign < CASE WHEN b.status = 'new' THEN 0.2 ELSE 0.85 END THEN ({{agents}}::uuid[])[b.agent_slot] END AS assignee_id,
          CASE WHEN b.r_tag < 0.08 THEN ARRAY['garantie'] WHEN b.r_tag < 0.12 THEN ARRAY['vip'] WHEN b.r_tag < 0.14 THEN ARRAY['garantie', 'litige'] ELSE ARRAY[]::text[] END AS tags,
          CASE WHEN b.r_order < 0.6 THEN 'CMD-' || lpad((floor(b.r_order * 1e7 / 0.6))::bigint::text, 7, '0') END AS order_ref,
          ${pool('subject', 'b.su')} AS subject,
          CASE WHEN b.lang = 'fr' THEN 'Bonjour, ' ELSE 'Hello, ' END || ${pool('sentence', 'b.sa')} || ' '
            || initcap(left(${pool('product', 'b.pr')}, 1)) || substr(${pool('product', 'b.pr')}, 2) || '. ' || ${pool('sentence', 'b.sb')}
            || CASE WHEN b.r_rare1 < {{rareShare}}::float8 THEN ' ' || ${pool('rare', 'b.rw', "'fr'")} || '.' ELSE '' END
            || CASE WHEN b.r_sign1 < 0.6 THEN CASE WHEN b.lang = 'fr' THEN ' Cordialement, ' ELSE ' Regards, ' END || b.first_name || ' ' || b.last_name ELSE '' END AS msg1,
          CASE WHEN b.lang = 'fr' THEN 'Bonjour ' ELSE 'Hello ' END || b.first_name || ', ' || ${pool('sentence', 'b.sc')}
            || CASE WHEN b.lang = 'fr' THEN ' Le service client.' ELSE ' Customer service.' END AS reply,
          ${pool('sentence', 'b.sd')} || ' ' || ${pool('sentence', 'b.se')}
            || CASE WHEN b.r_rare2 < {{rareShare}}::float8 THEN ' ' || ${pool('rare', 'b.rw', "'fr'")} || '.' ELSE '' END
            || CASE WHEN b.r_sign2 < 0.5 THEN ' ' || b.first_name || ' ' || b.last_name ELSE '' END AS msg2,
          ${pool('note', 'b.n1')} AS note1, ${pool('note', 'b.n2')} AS note2, ${pool('note', 'b.n3')} AS note3
   FROM b`,
  `INSERT INTO sav_case (id, number, year, seq, customer_id, brand_id, store_id, channel, reason_id, priority, status, step_id,
     team_id, assignee_id, tags, language, subject, order_ref, tracking_token_hash, tracking_token_sealed, last_activity_at,
     last_customer_message_at, first_agent_reply_at, last_agent_reply_at, solved_at, closed_at, customer_message_count,
     agent_message_count, merged_into_id, version, created_at, updated_at)
   SELECT id, {{prefix}}::text || '-' || year || '-' || lpad(seq::text, 6, '0'), year, seq, customer_id, {{brandId}}::uuid, NULL,
     channel, reason_id, priority, status, step_id, team_id, assignee_id, tags, lang, subject, order_ref,
     rtrim(translate(encode(sha256(convert_to(seed || ':tracking', 'UTF8')), 'base64'), '+/', '-_'), '='),
     'v1.benchmark.' || seed, last_activity_at,
     CASE WHEN follow_in THEN t4 ELSE created_at END,
     CASE WHEN is_new THEN NULL ELSE t3 END, CASE WHEN is_new THEN NULL ELSE t3 END,
     CASE WHEN status IN ('solved', 'closed') THEN last_activity_at END, CASE WHEN status = 'closed' THEN last_activity_at END,
     CASE WHEN follow_in THEN 2 ELSE 1 END, CASE WHEN is_new THEN 0 ELSE 1 END, NULL, 3, created_at, last_activity_at
   FROM chunk_case`,
  `INSERT INTO case_event (id, case_id, type, at, actor_type, actor_user_id, actor_customer_id, channel, visibility, body_text, data)
   SELECT pg_temp.bench_uuid7(e.at, c.seed, e.k), c.id, e.type, e.at, e.actor_type, e.actor_user_id, e.actor_customer_id,
          e.channel, e.visibility, e.body, e.data
   FROM chunk_case c
   CROSS JOIN LATERAL (VALUES
     (1, 'case_created', c.created_at, 'system', NULL::uuid, NULL::uuid, c.channel, 'public', NULL::text,
        jsonb_build_object('number', {{prefix}}::text || '-' || c.year || '-' || lpad(c.seq::text, 6, '0'), 'subject', c.subject, 'channel', c.channel)),
     (2, 'message_in', c.created_at, 'customer', NULL, c.customer_id, c.channel, 'public', c.msg1, jsonb_build_object('subject', c.subject)),
     (3, CASE WHEN c.is_new THEN 'note' ELSE 'message_out' END, c.t3, 'user', c.agent_id, NULL, CASE WHEN c.is_new THEN NULL ELSE c.channel END,
        CASE WHEN c.is_new THEN 'internal' ELSE 'public' END, CASE WHEN c.is_new THEN c.note1 ELSE c.reply END, '{}'::jsonb),
     (4, CASE WHEN c.follow_in THEN 'message_in' ELSE 'note' END, c.t4, CASE WHEN c.follow_in THEN 'customer' ELSE 'user' END,
        CASE WHEN c.follow_in THEN NULL ELSE c.agent_id END, CASE WHEN c.follow_in THEN c.customer_id END,
        CASE WHEN c.follow_in THEN c.channel END, CASE WHEN c.follow_in THEN 'public' ELSE 'internal' END,
        CASE WHEN c.follow_in THEN c.msg2 ELSE c.note2 END,
        CASE WHEN c.follow_in THEN jsonb_build_object('subject', c.subject) ELSE '{}'::jsonb END),
     (5, CASE WHEN c.is_new THEN 'note' ELSE 'status_changed' END, c.last_activity_at, 'user', c.agent_id, NULL, NULL,
        CASE WHEN c.is_new THEN 'internal' ELSE 'public' END, CASE WHEN c.is_new THEN c.note3 END,
        CASE WHEN c.is_new THEN '{}'::jsonb ELSE jsonb_build_object('from', CASE WHEN c.status = 'open' THEN 'new' ELSE 'open' END, 'to', c.status) END)
   ) AS e(k, type, at, actor_type, actor_user_id, actor_customer_id, channel, visibility, body, data)`,
];

// After a bulk load of gigabytes: statistics and visibility maps made, and the dirty pages
// written out now (CHECKPOINT) rather than by the checkpointer during the measurements.
export const maintenance = ['VACUUM (ANALYZE) customer, customer_identity, sav_case, case_event', 'CHECKPOINT'];

export const countsQuery = `SELECT
  (SELECT count(*)::int FROM sav_case) AS cases,
  (SELECT count(*)::int FROM case_event) AS events,
  (SELECT count(*)::int FROM customer) AS customers,
  (SELECT count(*)::int FROM sav_case WHERE status IN ('new', 'open', 'waiting_customer', 'waiting_third_party')) AS open_cases,
  -- Messages Comptoir writes itself (acknowledgments) are left out of the index on purpose.
  (SELECT count(*)::int FROM case_event WHERE body_text IS NOT NULL AND actor_type <> 'system' AND search IS NULL) AS unindexed_events,
  (SELECT pg_total_relation_size('sav_case') + pg_total_relation_size('case_event') + pg_total_relation_size('customer')
        + pg_total_relation_size('customer_identity'))::bigint AS bytes`;

/**
 * How many cases a search term finds: events matching the text, or cases of customers whose
 * name matches. Written as a UNION (not the inbox's OR of two IN lists, whose plan becomes a
 * per-row scan of the whole match list once it outgrows work_mem).
 */
export const searchMatchesQuery = `WITH q AS (SELECT websearch_to_tsquery('comptoir_fr', {{q}}::text) || websearch_to_tsquery('comptoir_en', {{q}}::text) AS q)
SELECT
  (SELECT count(*)::int FROM case_event, q WHERE search @@ q.q) AS events,
  (SELECT count(*)::int FROM customer WHERE search_text LIKE {{like}}::text) AS customers,
  (SELECT count(*)::int FROM (
     SELECT case_id FROM case_event, q WHERE search @@ q.q
     UNION
     SELECT c.id FROM sav_case c JOIN customer cu ON cu.id = c.customer_id WHERE cu.search_text LIKE {{like}}::text
   ) matched) AS cases`;
