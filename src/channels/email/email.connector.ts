// The e-mail connector: a mailbox address that Comptoir receives mail for — by SMTP, from a
// relay forwarding to us (smtp-inbound.ts), and/or by reading an IMAP mailbox (imap-poller.ts).
import type { Connector } from '../connector.ts';
import { checkEmailAccount } from './email.check.ts';
import { emailSecrets, emailSettings, type EmailSecrets, type EmailSettings } from './email.settings.ts';
import { parseEmail } from './inbound/parse.ts';

export { emailSecrets, emailSettings, type EmailSecrets, type EmailSettings };

export const emailConnector: Connector<EmailSettings, EmailSecrets> = {
  channel: 'email',
  settings: emailSettings,
  secrets: emailSecrets,
  normalise: (raw) => parseEmail(raw),
  checkConnection: (ctx, account, secrets, lang) => checkEmailAccount(ctx, account, emailSettings.parse(account.settings), secrets, lang),
};
