// The X connector: an account is the brand's X user (address = its handle). X posts the
// account's mentions, replies, quotes and DMs to its Account Activity webhook (x.routes.ts),
// each stored once; `process` reads a stored row (x.parse.ts) into the shared social pipeline;
// `send` answers with a public reply or a DM through the X API v2 (x-client.ts), with the
// account's access token, renewed when X refuses it (x-token.ts).
import { ParseError, type Connector, type InboundOutcome, type StoredInbound } from '../connector.ts';
import type { Ctx } from '../../context.ts';
import { processSocialEvent } from '../social/social.process.ts';
import { checkXAccount } from './x.check.ts';
import { parseXRow } from './x.parse.ts';
import { sendOnX } from './x.send.ts';
import { accountTokens } from './x-token.ts';
import { xSecrets, xSettings, type XSecrets, type XSettings } from './x.settings.ts';

async function processXRow(ctx: Ctx, row: StoredInbound): Promise<InboundOutcome> {
  let parsed;
  try {
    parsed = parseXRow(row.raw);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    // Kept as it came, with the reason: an admin can look at it.
    return { state: 'failed', detail: error.message };
  }
  if (parsed.ignored !== undefined) return { state: 'ignored', detail: parsed.ignored };
  return processSocialEvent(ctx, row, parsed.event);
}

export const xConnector: Connector<XSettings, XSecrets> = {
  channel: 'x',
  settings: xSettings,
  secrets: xSecrets,
  process: processXRow,
  send: (ctx, out) => sendOnX(ctx, out, accountTokens(ctx, out.account, out.secrets)),
  checkConnection: (ctx, account, secrets, lang) => checkXAccount(ctx, account, secrets, lang),
};
