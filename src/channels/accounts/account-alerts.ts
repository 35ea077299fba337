// When a channel account starts failing (its provider refuses the credentials), the admins are
// told by e-mail, once per failure: mail that no longer arrives is a silent disaster otherwise.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { registerCatalog, t } from '../../platform/i18n/i18n.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import { appUser } from '../../modules/access/access.schema.ts';
import { htmlOf } from '../../modules/notifications/compose.ts';
import { messageIdDomain } from '../email/email-sender.ts';
import { channelAccount } from './accounts.schema.ts';

registerCatalog({
  fr: {
    'account.failing.subject': 'Canal en panne : {name}',
    'account.failing.body':
      'Bonjour,\n\nLe canal « {name} » ({channel}, {address}) ne fonctionne plus depuis le {at} :\n{detail}\n\nLes messages de ce canal ne sont plus relevés. Corrigez ses identifiants : {url}\n\nComptoir',
  },
  en: {
    'account.failing.subject': 'Channel down: {name}',
    'account.failing.body':
      'Hello,\n\nThe channel “{name}” ({channel}, {address}) stopped working on {at}:\n{detail}\n\nIts messages are no longer collected. Fix its credentials: {url}\n\nComptoir',
  },
});

export const accountFailingJob = jobType('channels.account-failing', z.object({ accountId: z.uuid(), at: z.iso.datetime() }), {
  retry: { maxAttempts: 6, baseDelayMs: 30_000 },
});

export async function tellAdminsAccountFailing(ctx: Ctx, p: z.infer<typeof accountFailingJob.schema>): Promise<void> {
  const [account] = await ctx.db.select().from(channelAccount).where(eq(channelAccount.id, p.accountId));
  if (!account || account.state !== 'failing') return; // fixed meanwhile
  const admins = await ctx.db.select({ email: appUser.email, language: appUser.language }).from(appUser).where(and(eq(appUser.role, 'admin'), eq(appUser.active, true)));
  for (const admin of admins) {
    const vars = {
      name: account.name,
      channel: account.channel,
      address: account.address,
      at: new Date(p.at).toLocaleString(admin.language === 'en' ? 'en-GB' : 'fr-FR', { timeZone: ctx.config.defaults.timezone }),
      detail: account.stateDetail ?? '',
      url: `${ctx.config.http.publicUrl}/admin/channels/${account.id}`,
    };
    const message = { subject: t(admin.language, 'account.failing.subject', vars), text: t(admin.language, 'account.failing.body', vars) };
    await ctx.channels.email.send({
      to: admin.email,
      subject: message.subject,
      text: message.text,
      html: htmlOf(message, 'email', admin.language),
      messageId: `account-failing-${account.id}-${Date.parse(p.at)}-${admin.email.replace(/[^\w.-]/g, '_')}@${messageIdDomain(ctx.config.outbound.mail.from)}`,
      automatic: true,
    });
  }
}
