// The sentences the closing and follow-up messages are made of, filled into their templates'
// variables ({{closing.summary}}, {{help.text}}, {{reopen.text}}): each says nothing when it
// has nothing to say, and its line then leaves the message (notifications/render.ts).
import { registerCatalog } from '../../platform/i18n/i18n.ts';

registerCatalog({
  fr: {
    'closing.summary.step': 'Dernière étape de votre dossier : {step}.',
    'closing.summary.reply': 'Notre dernière réponse : « {excerpt} »',
    'closing.help': 'Pour bien profiter de votre {product} :',
    'closing.reopen.until': 'Le problème revient ? Répondez simplement à ce message d’ici le {date} : nous rouvrirons votre dossier.',
    'closing.reopen.after': 'Un nouveau problème ? Répondez simplement à ce message : nous ouvrirons un nouveau dossier, lié à celui-ci.',
  },
  en: {
    'closing.summary.step': 'Last step of your case: {step}.',
    'closing.summary.reply': 'Our last answer: "{excerpt}"',
    'closing.help': 'To get the most out of your {product}:',
    'closing.reopen.until': 'Is the problem back? Simply reply to this message by {date} and we will reopen your case.',
    'closing.reopen.after': 'A new problem? Simply reply to this message: we will open a new case, linked to this one.',
  },
});
