// The Meta connector's words for agents, French first: why an answer cannot go (the sending
// rules of messaging-window.ts, and Meta's own refusals explained), in the delivery's detail.
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { formatInstant } from '../connection-check.ts';
import type { RefusalReason } from './messaging-window.ts';

registerCatalog({
  fr: {
    'meta.network.facebook': 'Facebook',
    'meta.network.messenger': 'Messenger',
    'meta.network.instagram': 'Instagram',
    'meta.network.whatsapp': 'WhatsApp',
    'meta.where.messenger': 'un message Messenger',
    'meta.where.instagram': 'un message Instagram',
    'meta.where.facebook_comment': 'un commentaire Facebook',
    'meta.where.instagram_comment': 'un commentaire Instagram',
    'meta.where.whatsapp': 'un message WhatsApp',
    'meta.refused.not_meta': 'Le canal « {channel} » ne passe pas par Meta.',
    'meta.refused.empty': 'Le message est vide : rien à envoyer.',
    'meta.refused.too_long': 'Le message fait {length} caractères ; {where} en accepte {limit} au plus. Raccourcissez-le ou envoyez-le en plusieurs fois.',
    'meta.refused.nothing_to_answer': 'Aucun message du client sur {channel} auquel répondre : sur ce réseau, on ne peut que répondre au client.',
    'meta.refused.public_to_private': 'Le client a écrit en privé sur {channel} : la réponse part en privé, pas en public.',
    'meta.refused.not_a_comment': 'Sur {channel}, la réponse va sous le commentaire du client ou en privé à ce commentaire : ce dossier n’a pas de commentaire à qui répondre.',
    'meta.refused.private_reply_expired': 'Le commentaire date du {sentAt} : Meta n’autorise une réponse privée à un commentaire que dans les 7 jours (jusqu’au {closedAt}). Répondez sous le commentaire, en public.',
    'meta.refused.window_closed': 'Le dernier message du client sur {channel} date du {sentAt} : au-delà de 7 jours (depuis le {closedAt}), Meta refuse tout message. Attendez que le client écrive de nouveau, ou contactez-le par un autre canal.',
    'meta.refused.template_required': 'Plus de 24 heures depuis le dernier message du client sur WhatsApp : seul un modèle approuvé par Meta peut partir. Choisissez un modèle pour relancer le client.',
    'meta.refused.template_unknown': 'Le modèle WhatsApp « {name} » ({language}) n’est pas dans la liste des modèles approuvés de ce compte.',
    'meta.refused.template_variables': 'Le modèle WhatsApp « {name} » attend {expected} valeur(s), {given} donnée(s).',
    'meta.refused.whatsapp_not_connected': 'Aucun numéro WhatsApp Business n’est relié à ce compte Meta (identifiant du numéro et jeton WhatsApp).',
    'meta.refused.page_not_connected': 'Aucun jeton de Page n’est enregistré sur ce compte Meta : rien ne part sur Facebook, Messenger ni Instagram.',
    'meta.refused.whatsapp_131047': 'Plus de 24 heures depuis le dernier message du client, selon WhatsApp : seul un modèle approuvé peut partir. Choisissez un modèle pour relancer le client.',
    'meta.refused.outside_window': 'Meta refuse ce message : il sort de la fenêtre autorisée depuis le dernier message du client (24 heures, ou 7 jours pour une réponse d’agent).',
    'meta.refused.already_replied': 'Ce commentaire a déjà reçu sa réponse privée : Meta n’en permet qu’une. La suite se fait dans Messenger quand le client répond.',
    'meta.refused.cannot_reply': 'Meta refuse une réponse privée à ce commentaire (trop ancien, supprimé, ou qui ne l’accepte pas).',
  },
  en: {
    'meta.network.facebook': 'Facebook',
    'meta.network.messenger': 'Messenger',
    'meta.network.instagram': 'Instagram',
    'meta.network.whatsapp': 'WhatsApp',
    'meta.where.messenger': 'a Messenger message',
    'meta.where.instagram': 'an Instagram message',
    'meta.where.facebook_comment': 'a Facebook comment',
    'meta.where.instagram_comment': 'an Instagram comment',
    'meta.where.whatsapp': 'a WhatsApp message',
    'meta.refused.not_meta': 'The “{channel}” channel does not go through Meta.',
    'meta.refused.empty': 'The message is empty: nothing to send.',
    'meta.refused.too_long': 'The message is {length} characters long; {where} takes {limit} at most. Shorten it or send it in parts.',
    'meta.refused.nothing_to_answer': 'No message from the customer on {channel} to answer: on this network you can only answer the customer.',
    'meta.refused.public_to_private': 'The customer wrote privately on {channel}: the answer goes privately, not in public.',
    'meta.refused.not_a_comment': 'On {channel} the answer goes under the customer’s comment or privately to it: this case has no comment to answer.',
    'meta.refused.private_reply_expired': 'The comment was written on {sentAt}: Meta allows a private reply to a comment within 7 days only (until {closedAt}). Answer under the comment, in public.',
    'meta.refused.window_closed': 'The customer’s last message on {channel} was on {sentAt}: beyond 7 days (since {closedAt}) Meta refuses any message. Wait for the customer to write again, or reach them on another channel.',
    'meta.refused.template_required': 'More than 24 hours since the customer’s last WhatsApp message: only a template approved by Meta can go. Choose a template to reach the customer.',
    'meta.refused.template_unknown': 'The WhatsApp template “{name}” ({language}) is not in this account’s list of approved templates.',
    'meta.refused.template_variables': 'The WhatsApp template “{name}” takes {expected} value(s); {given} given.',
    'meta.refused.whatsapp_not_connected': 'No WhatsApp Business number is connected to this Meta account (the number’s id and the WhatsApp token).',
    'meta.refused.page_not_connected': 'No Page token is saved on this Meta account: nothing goes on Facebook, Messenger or Instagram.',
    'meta.refused.whatsapp_131047': 'More than 24 hours since the customer’s last message, says WhatsApp: only an approved template can go. Choose a template to reach the customer.',
    'meta.refused.outside_window': 'Meta refuses this message: it is outside the window allowed since the customer’s last message (24 hours, or 7 days for an agent’s answer).',
    'meta.refused.already_replied': 'This comment already had its private reply: Meta allows only one. The conversation goes on in Messenger when the customer answers.',
    'meta.refused.cannot_reply': 'Meta refuses a private reply to this comment (too old, deleted, or not open to one).',
  },
});

const networkKeys = new Set(['facebook', 'messenger', 'instagram', 'whatsapp']);

/** A refusal in words: dates in the server's time zone, networks and places by their names. */
export function refusalText(lang: Language, timeZone: string, reason: RefusalReason | 'whatsapp_not_connected' | 'page_not_connected', vars: Record<string, string | number> = {}): string {
  const words: Record<string, string | number> = { ...vars };
  for (const key of ['sentAt', 'closedAt'] as const) {
    if (typeof vars[key] === 'string') words[key] = formatInstant(new Date(vars[key]), lang, timeZone);
  }
  if (typeof vars.channel === 'string' && networkKeys.has(vars.channel)) words.channel = t(lang, `meta.network.${vars.channel}`);
  if (typeof vars.where === 'string') words.where = t(lang, `meta.where.${vars.where}`);
  return t(lang, `meta.refused.${reason}`, words);
}

/** Meta's own refusals, said the same way. */
export const graphRefusalText = (lang: Language, key: 'whatsapp_131047' | 'outside_window' | 'already_replied' | 'cannot_reply') => t(lang, `meta.refused.${key}`);
