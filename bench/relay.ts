// An SMTP relay for the benchmarks (smtp-server on loopback): the server's outgoing mail goes
// here, and each message is handed to `onMail` with the moment it had fully arrived.
import { SMTPServer } from 'smtp-server';

export async function startRelay(onMail: (raw: string, at: number) => void): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of the client: this machine has no resolver to ask, and a relay's lookup
    // is not what is measured.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        onMail(Buffer.concat(chunks).toString('utf8'), performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
