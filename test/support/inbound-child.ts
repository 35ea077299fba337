// A worker in a process of its own, for the test that kills one half-way: it processes one
// stored inbound message (argv[2]) against DATABASE_URL and says so if its transaction commits.
import { processInbound } from '../../src/channels/inbound/inbound.process.ts';
import { ctxOf } from '../../src/context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openServices } from '../../src/runtime.ts';

const services = await openServices(loadConfig(process.env));
process.stdout.write('ready\n');
await processInbound(ctxOf(services), process.argv[2]!);
process.stdout.write('committed\n');
await services.database.close();
