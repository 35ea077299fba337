// The X connector: an account is the brand's X user (address = its handle). X posts the
// account's mentions, replies, quotes and DMs to its Account Activity webhook (x.routes.ts),
// each stored once; `process` reads a stored row (x.parse.ts) into the shared social pipeline;
// `send` answers with a public reply or a DM through the X API v2 (x-client.ts).
import type { Connector } from '../connector.ts';
import { checkXAccount } from './x.check.ts';
import { sendOnX } from './x.send.ts';
import { xSecrets, xSettings, type XSecrets, type XSettings } from './x.settings.ts';

export const xConnector: Connector<XSettings, XSecrets> = {
  channel: 'x',
  settings: xSettings,
  secrets: xSecrets,
  send: sendOnX,
  checkConnection: (ctx, account, secrets, lang) => checkXAccount(ctx, account, secrets, lang),
};
