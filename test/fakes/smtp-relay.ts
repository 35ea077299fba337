// A real SMTP relay for tests: smtp-server on 127.0.0.1 (a free port), optionally with a
// login, parsing what arrives with mailparser. It can refuse the next messages with a reply
// code (451 try later, 550 no such user) the way a real relay does.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string | false; to: string[] };
  mail: ParsedMail;
  /** The message as it travelled, headers included. */
  raw: string;
}

export interface SmtpRelay {
  /** smtp://… with the credentials, as COMPTOIR_SMTP_URL takes it. */
  url: string;
  received: ReceivedMail[];
  /** The next recipients are refused with these SMTP replies, in order. */
  refuseNext(...replies: { code: number; message: string }[]): void;
  /** Forgets the refusals not used yet. */
  clearRefusals(): void;
  /** Resolves once `count` messages have arrived (or fails after a few seconds). */
  waitFor(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpRelay(options: { user?: string; pass?: string } = {}): Promise<SmtpRelay> {
  const received: ReceivedMail[] = [];
  const refusals: { code: number; message: string }[] = [];
  const server = new SMTPServer({
    // No TLS here: the test relay speaks plain SMTP on the loopback interface.
    disabledCommands: options.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      const refusal = refusals.shift();
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            received.push({ envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : false, to: session.envelope.rcptTo.map((r) => r.address) }, mail, raw });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = options.user ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.pass ?? '')}@` : '';

  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    received,
    refuseNext: (...replies) => void refusals.push(...replies),
    clearRefusals: () => void refusals.splice(0),
    async waitFor(count) {
      for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 30));
      if (received.length < count) throw new Error(`expected ${count} messages at the relay, got ${received.length}`);
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
