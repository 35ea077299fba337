// Every channel connector, in one list: what `channel` accounts may be created for, and who
// reads their inbound messages. A new channel is a folder under src/channels/ and a line here.
import type { Connector } from './connector.ts';
import { chatConnector } from './chat/chat.connector.ts';
import { emailConnector } from './email/email.connector.ts';
import { marketplaceConnector } from './marketplace/marketplace.connector.ts';
import { metaConnector } from './meta/meta.connector.ts';
import { phoneConnector } from './phone/phone.connector.ts';
import { smsConnector } from './sms/sms.connector.ts';
import { xConnector } from './x/x.connector.ts';

export const connectors: readonly Connector<unknown, unknown>[] = [
  emailConnector as Connector<unknown, unknown>,
  smsConnector as Connector<unknown, unknown>,
  phoneConnector as Connector<unknown, unknown>,
  chatConnector as Connector<unknown, unknown>,
  marketplaceConnector as Connector<unknown, unknown>,
  metaConnector as Connector<unknown, unknown>,
  xConnector as Connector<unknown, unknown>,
];

export function connectorFor(channel: string): Connector<unknown, unknown> | undefined {
  return connectors.find((c) => c.channel === channel);
}
