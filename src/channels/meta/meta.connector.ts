// The Meta connector: one account is a brand's connection through its Meta app — its Facebook
// Page (comments, Messenger), the Instagram account linked to it, a WhatsApp Business number.
// Deliveries arrive signed on meta.routes.ts, one stored row per event; `process` reads a row
// back as one SocialEvent for the shared social pipeline; `send` answers on the network the
// customer wrote on, within Meta's windows (messaging-window.ts).
import { ParseError, type Connector, type InboundOutcome } from '../connector.ts';
import { processSocialEvent } from '../social/social.process.ts';
import { checkMetaAccount } from './meta.check.ts';
import { isIgnored, parseMetaEvent } from './meta.parse.ts';
import { sendMeta } from './meta.send.ts';
import { metaSecrets, metaSettings, type MetaSecrets, type MetaSettings } from './meta.settings.ts';

export const metaConnector: Connector<MetaSettings, MetaSecrets> = {
  channel: 'meta',
  settings: metaSettings,
  secrets: metaSecrets,
  async process(ctx, row): Promise<InboundOutcome> {
    let parsed;
    try {
      parsed = parseMetaEvent(row.raw, row.account, row.receivedAt);
    } catch (error) {
      // Kept as it came, with the reason: an admin can look at it.
      if (error instanceof ParseError) return { state: 'failed', detail: error.message };
      throw error;
    }
    if (isIgnored(parsed)) return { state: 'ignored', detail: parsed.ignored };
    return processSocialEvent(ctx, row, parsed);
  },
  send: (ctx, out) => sendMeta(ctx, out),
  checkConnection: (ctx, account, secrets, lang) => checkMetaAccount(ctx, account, secrets, lang),
};
