// Every channel connector's HTTP routes (provider callbacks, webhooks), in one list.
import type { Api } from '../platform/http/api.ts';
import { registerAccountRoutes } from './accounts/accounts.routes.ts';
import { registerChatAgentRoutes } from './chat/chat.agent.routes.ts';
import { registerChatRoutes } from './chat/chat.routes.ts';
import { registerWidgetRoute } from './chat/widget.serve.ts';
import { registerSmsRoutes } from './sms/sms.routes.ts';
import { registerPhoneRoutes } from './phone/phone.routes.ts';
import { registerMetaRoutes } from './meta/meta.routes.ts';
import { registerCounterRoutes } from './counter/counter.routes.ts';
import { registerMarketplaceRoutes } from './marketplace/marketplace.routes.ts';
import { registerXRoutes } from './x/x.routes.ts';

export function registerChannelRoutes(app: Api): void {
  registerAccountRoutes(app);
  registerSmsRoutes(app);
  registerPhoneRoutes(app);
  registerMetaRoutes(app);
  registerXRoutes(app);
  registerCounterRoutes(app);
  registerMarketplaceRoutes(app);
  registerChatAgentRoutes(app);
  registerWidgetRoute(app);
  // The visitor's API checks every request's Origin in a hook of its own scope.
  void app.register(async (visitorSide) => registerChatRoutes(visitorSide as Api));
}
