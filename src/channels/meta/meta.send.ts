// Sending one answer on Meta's networks, for the delivery job: the rules decide what it becomes
// (messaging-window.ts), or refuse it in words before anything leaves; then one Graph call.
import type { Ctx } from '../../context.ts';
import { ProviderError } from '../provider-errors.ts';
import type { SocialOutbound } from '../social/social.types.ts';
import { graphClientFor, type GraphClient } from './graph-client.ts';
import { planMetaSend, type MetaSendPlan } from './messaging-window.ts';
import { metaSettingsOf, type MetaSecrets, type MetaSettings } from './meta.settings.ts';
import { refusalText } from './meta.words.ts';

/** The Send API's answer, and the WhatsApp Cloud API's. */
interface SendApiAnswer {
  recipient_id?: string;
  message_id?: string;
}
interface WhatsappAnswer {
  messages?: { id?: string }[];
}

const required = (id: string | undefined, what: string): string => {
  if (!id) throw new ProviderError('temporary', `Graph API answered without ${what}`);
  return id;
};

async function sendPlan(graph: GraphClient, plan: MetaSendPlan, settings: MetaSettings, secrets: Partial<MetaSecrets>, words: (key: 'whatsapp_not_connected' | 'page_not_connected') => string): Promise<string> {
  const pageToken = secrets.pageAccessToken;
  if (plan.kind === 'whatsapp_text' || plan.kind === 'whatsapp_template') {
    if (!settings.whatsappPhoneNumberId || !secrets.whatsappToken) throw new ProviderError('not_configured', words('whatsapp_not_connected'));
    const message =
      plan.kind === 'whatsapp_text'
        ? { type: 'text', text: { preview_url: false, body: plan.text } }
        : {
            type: 'template',
            template: { name: plan.name, language: { code: plan.language }, ...(plan.variables.length ? { components: [{ type: 'body', parameters: plan.variables.map((text) => ({ type: 'text', text })) }] } : {}) },
          };
    const answer = await graph.postJson<WhatsappAnswer>(`${settings.whatsappPhoneNumberId}/messages`, secrets.whatsappToken, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: plan.to,
      ...(plan.contextId ? { context: { message_id: plan.contextId } } : {}),
      ...message,
    });
    return required(answer.messages?.[0]?.id, 'a message id');
  }
  if (!pageToken) throw new ProviderError('not_configured', words('page_not_connected'));
  switch (plan.kind) {
    case 'comment_reply':
      return required((await graph.postForm<{ id?: string }>(`${plan.commentId}/comments`, pageToken, { message: plan.text })).id, 'the comment id');
    case 'instagram_comment_reply':
      return required((await graph.postForm<{ id?: string }>(`${plan.commentId}/replies`, pageToken, { message: plan.text })).id, 'the comment id');
    case 'private_reply':
      return required((await graph.postJson<SendApiAnswer>(`${settings.pageId}/messages`, pageToken, { recipient: { comment_id: plan.commentId }, message: { text: plan.text } })).message_id, 'a message id');
    case 'send_api':
      return required(
        (
          await graph.postJson<SendApiAnswer>(`${settings.pageId}/messages`, pageToken, {
            recipient: { id: plan.recipientId },
            messaging_type: plan.messagingType,
            ...(plan.tag ? { tag: plan.tag } : {}),
            message: { text: plan.text },
          })
        ).message_id,
        'a message id',
      );
  }
}

export async function sendMeta(ctx: Pick<Ctx, 'clock' | 'config'>, out: SocialOutbound): Promise<{ providerId: string }> {
  const settings = metaSettingsOf(out.account.settings);
  const { language, timezone } = ctx.config.defaults;
  const decision = planMetaSend(out, settings.templates);
  if (!decision.ok) throw new ProviderError('rejected', refusalText(language, timezone, decision.reason, decision.vars), { providerCode: decision.reason });
  const secrets = out.secrets as Partial<MetaSecrets>;
  const providerId = await sendPlan(graphClientFor(ctx, settings, secrets), decision.plan, settings, secrets, (key) => refusalText(language, timezone, key));
  return { providerId };
}
