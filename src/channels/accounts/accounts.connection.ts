// POST /channel-accounts/{id}/test: asks the account's connector to check, for real, that the
// account can work (its hook in src/channels/<channel>/), and records that the test was run
// and how it went in the audit log. The account itself is never changed: an account marked
// failing stays so until an admin reactivates it.
import { inTransaction, type Ctx } from '../../context.ts';
import { registerCatalog, type Language } from '../../platform/i18n/i18n.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { connectionCheck } from '../connection-check.ts';
import { connectorFor } from '../registry.ts';
import type { ConnectionTestDto } from './accounts.contract.ts';
import { accountSecrets, loadAccount } from './accounts.service.ts';

registerCatalog({
  fr: {
    'check.connector': 'Connecteur',
    'check.connector.none': 'Le canal « {channel} » ne sait pas tester ses comptes.',
  },
  en: {
    'check.connector': 'Connector',
    'check.connector.none': 'The “{channel}” channel cannot test its accounts.',
  },
});

export async function testAccountConnection(ctx: Ctx, actor: Actor, id: string, lang: Language): Promise<ConnectionTestDto> {
  // The test uses the account's secrets: the same right as changing them.
  requirePermission(actor, 'org.manage');
  const account = await loadAccount(ctx, id);
  const connector = connectorFor(account.channel);
  const checks = connector?.checkConnection
    ? await connector.checkConnection(ctx, account, accountSecrets(ctx, account), lang)
    : [connectionCheck(lang, 'connector', false, 'check.connector.none', { channel: account.channel })];
  const ok = checks.every((c) => c.ok);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, actor, {
      action: 'channel_account.tested',
      targetType: 'channel_account',
      targetId: id,
      details: { ok, failed: checks.filter((c) => !c.ok).map((c) => c.name) },
    }),
  );
  return { ok, checks };
}
