// The marketplace connector: an account is one seller's relay — a small program of the
// seller's that reads buyers' messages on the marketplaces (Amazon, Cdiscount, Fnac,
// ManoMano…) and posts each to Comptoir's webhook, signed with the account's secret. Its
// messages go through the shared social pipeline like any network's; answers go back to the
// relay's reply address, which posts them on the marketplace.
import type { Connector } from '../connector.ts';
import { checkMarketplaceAccount } from './marketplace.check.ts';
import { processRelayMessage } from './marketplace.process.ts';
import { sendToRelay } from './relay-client.ts';
import { marketplaceSecrets, marketplaceSettings, type MarketplaceSecrets, type MarketplaceSettings } from './marketplace.settings.ts';

export const marketplaceConnector: Connector<MarketplaceSettings, MarketplaceSecrets> = {
  channel: 'marketplace',
  settings: marketplaceSettings,
  secrets: marketplaceSecrets,
  process: (ctx, row) => processRelayMessage(ctx, row),
  send: (ctx, out) => sendToRelay(ctx, out),
  checkConnection: (ctx, account, secrets, lang) => checkMarketplaceAccount(ctx, account, secrets, lang),
};
