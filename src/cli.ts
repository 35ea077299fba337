// The `comptoir` command line: start, migrate, seed, users, tokens.
// Errors print a clear message and exit non-zero; nothing here is needed by the server code.
import { parseArgs } from 'node:util';
import { ctxOf, type Services } from './context.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { openServices, startRoles, type Role } from './runtime.ts';
import { ensureFirstAdmin } from './modules/access/bootstrap.ts';
import { systemActor } from './modules/access/actor.ts';
import { createUser, findUserByEmail } from './modules/access/users.service.ts';
import { createApiToken } from './modules/access/tokens.service.ts';
import { roles, type Role as UserRole } from './modules/access/access.schema.ts';
import { randomBytes } from 'node:crypto';

const HELP = `comptoir — omnichannel after-sales service

Usage:
  comptoir start [--role web|worker|all] [--demo]   start the server (default role: all)
  comptoir migrate                                   apply database migrations and exit
  comptoir seed --demo                               fill an empty database with demo data
  comptoir users create --email E --name N --role R [--password P]
                                                     create a user (password generated if omitted)
  comptoir tokens create --email E --name N [--expires-days D]
                                                     create an API token for a user (shown once)

Roles: ${roles.join(', ')}
Configuration comes from environment variables (see README.md).`;

function fail(message: string): never {
  process.stderr.write(`comptoir: ${message}\n`);
  process.exit(2);
}

async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  const services = await openServices(loadConfig());
  try {
    return await fn(services);
  } finally {
    // Notifications go out after commits, batched: send them before the database closes.
    await services.notifier.drain();
    await services.database.close();
  }
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { role: { type: 'string', default: 'all' }, demo: { type: 'boolean', default: false } } });
  const role = values.role as Role;
  if (!['web', 'worker', 'all'].includes(role)) fail(`--role must be web, worker or all (got ${values.role})`);
  const config = loadConfig();
  const services = await openServices(config);
  await createFirstAdmin(services);
  if (values.demo) await seedDemoIfEmpty(services);
  const running = await startRoles(services, role);
  const where = config.database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(
    running.url ? `Comptoir is running on ${config.http.publicUrl} (${where}, role ${role})\n` : `Comptoir worker running (${where})\n`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    services.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await running.stop();
    await services.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function createFirstAdmin(services: Services): Promise<void> {
  const admin = await ensureFirstAdmin(ctxOf(services));
  if (!admin) return;
  process.stdout.write(
    admin.generatedPassword
      ? `\nFirst start: administrator created.\n  e-mail:   ${admin.email}\n  password: ${admin.generatedPassword}\nThis password is shown once; change it after signing in.\n\n`
      : `\nFirst start: administrator ${admin.email} created with COMPTOIR_ADMIN_PASSWORD.\n\n`,
  );
}

async function seedDemoIfEmpty(services: Services): Promise<void> {
  const { seedDemo } = await import('./modules/demo/demo.seed.ts');
  const summary = await seedDemo(ctxOf(services), { onlyIfEmpty: true });
  process.stdout.write(summary ? `${summary}\n` : 'Demo data: the database already holds cases; nothing added.\n');
}

async function usersCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email || !values.name || !values.role) fail('users create needs --email, --name and --role');
  if (!roles.includes(values.role as UserRole)) fail(`--role must be one of ${roles.join(', ')}`);
  const password = values.password ?? randomBytes(15).toString('base64url');
  await withServices(async (services) => {
    const user = await createUser(ctxOf(services), systemActor('cli'), {
      email: values.email!,
      name: values.name!,
      role: values.role as UserRole,
      password,
      language: 'fr',
      active: true,
      brandIds: [],
      storeIds: [],
    });
    process.stdout.write(`User ${user.email} (${user.role}) created, id ${user.id}.\n`);
    if (!values.password) process.stdout.write(`Password (shown once): ${password}\n`);
  });
}

async function tokensCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, 'expires-days': { type: 'string' } } });
  if (!values.email || !values.name) fail('tokens create needs --email and --name');
  const days = values['expires-days'] ? Number(values['expires-days']) : undefined;
  if (days !== undefined && !(Number.isInteger(days) && days > 0)) fail('--expires-days must be a positive whole number');
  await withServices(async (services) => {
    const ctx = ctxOf(services);
    const user = await findUserByEmail(ctx, values.email!);
    if (!user) fail(`no user with e-mail ${values.email}`);
    const token = await createApiToken(ctx, systemActor('cli'), { name: values.name!, userId: user.id, expiresInDays: days });
    process.stdout.write(`API token "${token.name}" for ${user.email} (shown once):\n${token.token}\n`);
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case 'migrate':
      return withServices(async () => void process.stdout.write('Database is up to date.\n'));
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      if (!values.demo) fail('seed needs --demo');
      return withServices(async (services) => {
        await createFirstAdmin(services);
        await seedDemoIfEmpty(services);
      });
    }
    case 'users':
      if (rest[0] === 'create') return usersCreate(rest.slice(1));
      return fail('usage: comptoir users create --email E --name N --role R');
    case 'tokens':
      if (rest[0] === 'create') return tokensCreate(rest.slice(1));
      return fail('usage: comptoir tokens create --email E --name N');
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${HELP}\n`);
      return;
    default:
      fail(`unknown command "${command}"\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  if (error instanceof AppError) fail(error.message);
  process.stderr.write(`comptoir: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
