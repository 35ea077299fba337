// Every channel connector's HTTP routes (provider callbacks, webhooks), in one list.
import type { Api } from '../platform/http/api.ts';
import { registerAccountRoutes } from './accounts/accounts.routes.ts';
import { registerSmsRoutes } from './sms/sms.routes.ts';
import { registerPhoneRoutes } from './phone/phone.routes.ts';
import { registerCounterRoutes } from './counter/counter.routes.ts';

export function registerChannelRoutes(app: Api): void {
  registerAccountRoutes(app);
  registerSmsRoutes(app);
  registerPhoneRoutes(app);
  registerCounterRoutes(app);
}
