// The SMTP server a mail relay (Postfix, a provider's inbound routing) forwards customers'
// mail to. A recipient is accepted only if it is the address of an active e-mail account; a
// message is answered "250 OK" only once it is stored (raw, once per account and Message-ID),
// so a relay never drops mail we could not keep: on any failure it gets a 4xx and retries.
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { ctxOf, type Services } from '../../context.ts';
import { storeInbound } from '../inbound/inbound.store.ts';
import { messageIds } from './inbound/parse.ts';

export interface RunningSmtpServer {
  port: number;
  stop(): Promise<void>;
}

/** The Message-ID and a few headers, read without parsing the whole message. */
export function headerFacts(raw: Buffer): { messageId: string | null; from: string | null; subject: string | null } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end >= 0 ? Math.min(end, 64 * 1024) : Math.min(raw.length, 64 * 1024)).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const get = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? null;
  const id = get('Message-ID');
  return { messageId: id ? (messageIds(id)[0] ?? null) : null, from: get('From'), subject: get('Subject') };
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpInbound(services: Services, listen = services.config.email.smtpServer): Promise<RunningSmtpServer | null> {
  const { port, host } = listen;
  if (port === 0 && listen === services.config.email.smtpServer) return null; // turned off (tests pass { port: 0 } for any free port)
  const ctx = ctxOf(services);
  const maxBytes = services.config.email.maxBytes;

  const accountFor = async (address: string) => (await ctx.accounts.activeEmailAccount(ctx.db, address))?.id ?? null;

  const server = new SMTPServer({
    // Mail arrives from the relay in front of us; TLS and authentication are the relay's job.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    size: maxBytes,
    logger: false,
    banner: 'Comptoir SAV',
    onRcptTo(address, session, callback) {
      accountFor(address.address)
        .then((accountId) => {
          if (!accountId) return callback(smtpError(`5.1.1 <${address.address}>: no such mailbox here`, 550));
          const s = session as SMTPServerSession & { accounts?: Set<string> };
          (s.accounts ??= new Set()).add(accountId);
          callback();
        })
        .catch((error: unknown) => {
          services.log.error({ err: error }, 'smtp: recipient check failed');
          callback(smtpError('4.3.0 temporary failure, try again later', 451));
        });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > maxBytes) {
          return callback(smtpError(`5.3.4 message too big (over ${maxBytes} bytes)`, 552));
        }
        // As the final delivery agent, we add the envelope sender (RFC 5321 §4.4): an empty
        // one (a bounce, an auto-reply) is what tells loop protection not to answer.
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const raw = Buffer.concat([Buffer.from(`Return-Path: <${envelopeFrom}>\r\n`), ...chunks]);
        const facts = headerFacts(raw);
        const accounts = [...((session as SMTPServerSession & { accounts?: Set<string> }).accounts ?? [])];
        // Like a request that opens a case (platform/http/admission.ts): while the messages
        // already taken in wait for their turn, the relay waits a little for its 250.
        const store = (accountId: string) =>
          storeInbound(ctx, { accountId, channel: 'email', providerId: facts.messageId, raw, summary: { from: facts.from, subject: facts.subject, envelopeFrom } });
        services.jobs
          .admit()
          .then(() => Promise.all(accounts.map(store)))
          .then(() => callback())
          .catch((error: unknown) => {
            services.log.error({ err: error }, 'smtp: could not store a message');
            callback(smtpError('4.3.0 could not store the message, try again later', 451));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => services.log.error({ err: error }, 'smtp server error'));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
