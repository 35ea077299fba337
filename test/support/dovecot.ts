// A real IMAP server for tests: Debian's Dovecot (dovecot-imapd, installed by .ci/run), run
// from a throw-away folder on a free loopback port, with plain-text users. Mail "arrives" by
// IMAP APPEND, as a mail server would deliver it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';

export interface Dovecot {
  host: string;
  port: number;
  /** Delivers a message to a user's INBOX. */
  deliver(user: string, raw: string): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function idOf(name: string, flag: '-u' | '-g'): number {
  return Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
}

export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) {
    throw new Error('IMAP tests need Dovecot: apt-get install -y dovecot-imapd (.ci/run installs it)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-dovecot-'));
  // Dovecot's own processes (user dovecot) read the configuration and the users.
  chmodSync(dir, 0o755);
  const port = await freePort();
  for (const sub of ['run', 'state', 'home']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'passwd'), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}`).join('\n') + '\n');
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
`,
  );
  chownSync(join(dir, 'home'), idOf('dovecot', '-u'), idOf('dovecot', '-g'));
  const child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Wait until it answers.
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, logger: false, auth: { user: Object.keys(users)[0]!, pass: Object.values(users)[0]! } });
      c.connect()
        .then(() => c.logout())
        .then(() => resolve(true))
        .catch(() => resolve(false));
    });
    if (up) break;
    if (i === 99) throw new Error(`Dovecot did not start (log: ${dir}/dovecot.log)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    async deliver(user, raw) {
      const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, logger: false, auth: { user, pass: users[user]! } });
      await c.connect();
      try {
        await c.append('INBOX', raw.replace(/\r?\n/g, '\r\n'));
      } finally {
        await c.logout();
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
