// The live chat connector: a widget on a shop's site (chat/widget.js), its visitors' messages
// stored in the inbound store and processed into `chat` cases (chat.process.ts), agents'
// answers pushed to the visitor's open stream (chat.outbound.ts).
import type { Connector } from '../connector.ts';
import { checkChatWidget } from './chat.check.ts';
import { processChatInbound } from './chat.process.ts';
import { chatSecrets, chatSettings, type ChatSettings } from './chat.settings.ts';

export const chatConnector: Connector<ChatSettings, Record<string, never>> = {
  channel: 'chat',
  settings: chatSettings,
  secrets: chatSecrets,
  process: processChatInbound,
  checkConnection: (ctx, account, _secrets, lang) => checkChatWidget(ctx, account, lang),
};
