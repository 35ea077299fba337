// The ready reply that moves a public conversation to private messages: warm, complete (what
// we need, why private, what happens next), in the network's own words — a "DM" on X, a
// "message privé" on Facebook and Instagram — and short enough for a tweet (280 characters).
// The community manager posts it instead of asking for details in public, or answering with
// them. Words in the server's catalogs, French and English.
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import type { Channel } from '../cases/cases.contract.ts';

registerCatalog({
  fr: {
    'social.private.x':
      'Bonjour {who}, nous sommes désolés de ce qui vous arrive et voulons le régler avec vous. Pourriez-vous nous envoyer en message privé (DM) vos coordonnées (e-mail, téléphone) et n° de commande ? Nous vous répondons là-bas très vite. {sign}',
    'social.private.page':
      'Bonjour {who}, nous sommes désolés de ce qui vous arrive et voulons le régler avec vous. Pour protéger vos informations, pourriez-vous nous envoyer vos coordonnées (e-mail, téléphone) et votre numéro de commande en message privé ? Nous vous répondons là-bas au plus vite. {sign}',
    'social.private.other':
      'Bonjour {who}, nous sommes désolés de ce qui vous arrive et voulons le régler avec vous. Pour protéger vos informations, pourriez-vous nous envoyer vos coordonnées (e-mail, téléphone) et votre numéro de commande en privé ? Nous vous répondons au plus vite. {sign}',
    'social.private.sign': 'L’équipe {brand}',
    'social.private.signNoBrand': 'Le service client',
  },
  en: {
    'social.private.x':
      'Hello {who}, we are sorry about this and we want to put it right with you. Could you send us your contact details (e-mail, phone) and your order number by direct message (DM)? We will get back to you there as soon as we can. {sign}',
    'social.private.page':
      'Hello {who}, we are sorry about this and we want to put it right with you. To keep your details safe, could you send us your contact details (e-mail, phone) and your order number in a private message? We will get back to you there as soon as we can. {sign}',
    'social.private.other':
      'Hello {who}, we are sorry about this and we want to put it right with you. To keep your details safe, could you send us your contact details (e-mail, phone) and your order number privately? We will get back to you as soon as we can. {sign}',
    'social.private.sign': 'The {brand} team',
    'social.private.signNoBrand': 'Customer service',
  },
});

export interface PrivateMoveInput {
  channel: Channel | null;
  language: Language;
  /** How to greet: "@nhoizey" on X, the name elsewhere; null greets no one in particular. */
  who: string | null;
  brand: string | null;
}

function templateKey(channel: Channel | null): string {
  if (channel === 'x') return 'social.private.x';
  if (channel === 'facebook' || channel === 'instagram') return 'social.private.page';
  return 'social.private.other';
}

export function privateMoveText(input: PrivateMoveInput): string {
  const sign = input.brand ? t(input.language, 'social.private.sign', { brand: input.brand }) : t(input.language, 'social.private.signNoBrand');
  const text = t(input.language, templateKey(input.channel), { who: input.who ?? '', sign });
  // Without a name, "Bonjour , nous…" → "Bonjour, nous…".
  return text.replace(/ ,/, ',');
}
