// The built-in texts: what customers and agents read until an admin writes their own. Warm,
// plain, precise: the customer always learns the case number, the exact date and time we
// commit to, what happens next and where to follow it. SMS are written in the GSM alphabet
// (no ’, ê, ç…) so that, with the link, they fit in two segments.
import type { Language } from '../../platform/i18n/i18n.ts';
import type { TemplateChannel, TemplateKey } from './notifications.contract.ts';

export interface TemplateText {
  subject: string | null;
  body: string;
}

type Builtins = { [K in TemplateKey]: Partial<Record<TemplateChannel, Record<Language, TemplateText>>> };

const SIGN_FR = 'L’équipe SAV {{brand.name}}';
const SIGN_EN = 'The {{brand.name}} after-sales team';

export const builtinTemplates: Builtins = {
  acknowledgment: {
    email: {
      fr: {
        subject: '[{{case.number}}] Nous avons bien reçu votre demande',
        body: `Bonjour {{customer.name}},

Nous avons bien reçu votre demande « {{case.subject}} » et nous nous en occupons. Elle porte le numéro {{case.number}}.

{{promise.text}}

Et ensuite ? Un conseiller lit votre demande et vous répond par écrit, avec une solution. S’il lui manque un élément (une photo, la facture), il vous dira précisément lequel. D’ici là, vous n’avez rien à faire.

Suivez votre dossier étape par étape, et ajoutez-y un message ou une photo si besoin :
{{tracking.url}}

Pour nous écrire, répondez simplement à ce message.

${SIGN_FR}`,
      },
      en: {
        subject: '[{{case.number}}] We have received your request',
        body: `Hello {{customer.name}},

We have received your request "{{case.subject}}" and we are on it. Its number is {{case.number}}.

{{promise.text}}

What happens next? An advisor reads your request and answers you in writing, with a solution. If something is missing (a photo, the invoice), they will tell you exactly what. Until then, there is nothing you need to do.

Follow your case step by step, and add a message or a photo if needed:
{{tracking.url}}

To write to us, simply reply to this e-mail.

${SIGN_EN}`,
      },
    },
    sms: {
      fr: { subject: null, body: '{{brand.name}} : demande {{case.number}} bien enregistrée. {{promise.text}} Suivi : {{tracking.url}}' },
      en: { subject: null, body: '{{brand.name}}: request {{case.number}} received. {{promise.text}} Track it: {{tracking.url}}' },
    },
    // A private message on a network (WhatsApp, Messenger, Instagram, an X DM): short, warm, the link.
    messaging: {
      fr: { subject: null, body: 'Bonjour {{customer.name}}, merci pour votre message : votre demande est enregistrée sous le numéro {{case.number}}. {{promise.text}}\nSuivez-la ici : {{tracking.url}}' },
      en: { subject: null, body: 'Hello {{customer.name}}, thank you for your message: your request is case {{case.number}}. {{promise.text}}\nFollow it here: {{tracking.url}}' },
    },
    ticket: {
      fr: {
        subject: null,
        body: `{{brand.name}}
{{store.name}}

SERVICE APRÈS-VENTE
Dossier n° {{case.number}}
Ouvert le {{case.openedAt}}

Client : {{customer.name}}
Objet : {{case.subject}}
Produit : {{case.product}}

{{promise.text}}

Et ensuite ?
Un conseiller étudie votre demande
et vous répond par écrit. Suivez
chaque étape, et écrivez-nous,
sur votre page de suivi :
{{tracking.url}}

Gardez ce ticket : le numéro de
dossier suffit pour toute question,
en magasin comme en ligne.`,
      },
      en: {
        subject: null,
        body: `{{brand.name}}
{{store.name}}

AFTER-SALES SERVICE
Case no. {{case.number}}
Opened on {{case.openedAt}}

Customer: {{customer.name}}
About: {{case.subject}}
Product: {{case.product}}

{{promise.text}}

What happens next?
An advisor studies your request
and answers you in writing. Follow
every step, and write to us, on
your tracking page:
{{tracking.url}}

Keep this ticket: the case number
is all you need for any question,
in store or online.`,
      },
    },
  },
  step_update: {
    email: {
      fr: {
        subject: '[{{case.number}}] Votre dossier avance : {{step.label}}',
        body: `Bonjour {{customer.name}},

Votre dossier {{case.number}} (« {{case.subject}} ») passe à l’étape : {{step.label}}.
{{step.text}}

{{next.text}}

Chaque étape est détaillée sur votre page de suivi :
{{tracking.url}}

Une question ? Répondez simplement à ce message.

${SIGN_FR}`,
      },
      en: {
        subject: '[{{case.number}}] Your case is moving on: {{step.label}}',
        body: `Hello {{customer.name}},

Your case {{case.number}} ("{{case.subject}}") has reached the step: {{step.label}}.
{{step.text}}

{{next.text}}

Every step is on your tracking page:
{{tracking.url}}

A question? Simply reply to this e-mail.

${SIGN_EN}`,
      },
    },
    sms: {
      fr: { subject: null, body: '{{brand.name}} : dossier {{case.number}}, étape "{{step.label}}". {{next.text}} Suivi : {{tracking.url}}' },
      en: { subject: null, body: '{{brand.name}}: case {{case.number}}, step "{{step.label}}". {{next.text}} Track it: {{tracking.url}}' },
    },
    chat: {
      fr: { subject: null, body: 'Votre dossier {{case.number}} avance : {{step.label}}. {{next.text}}' },
      en: { subject: null, body: 'Your case {{case.number}} moved on: {{step.label}}. {{next.text}}' },
    },
    messaging: {
      fr: { subject: null, body: 'Votre dossier {{case.number}} avance : {{step.label}}. {{next.text}}\nSuivi : {{tracking.url}}' },
      en: { subject: null, body: 'Your case {{case.number}} moved on: {{step.label}}. {{next.text}}\nTrack it: {{tracking.url}}' },
    },
  },
  agent_reply: {
    email: {
      fr: {
        subject: 'Re: {{case.subject}} [{{case.number}}]',
        body: `{{message}}

--
Dossier {{case.number}}, à suivre ici : {{tracking.url}}
Pour nous répondre, répondez simplement à ce message.`,
      },
      en: {
        subject: 'Re: {{case.subject}} [{{case.number}}]',
        body: `{{message}}

--
Case {{case.number}}, follow it here: {{tracking.url}}
To answer us, simply reply to this e-mail.`,
      },
    },
    sms: {
      fr: { subject: null, body: '{{brand.name}} ({{case.number}}) :\n{{message}}\nSuivi : {{tracking.url}}' },
      en: { subject: null, body: '{{brand.name}} ({{case.number}}):\n{{message}}\nTrack it: {{tracking.url}}' },
    },
    // In the live chat the visitor is in the conversation: the message, nothing around it.
    chat: {
      fr: { subject: null, body: '{{message}}' },
      en: { subject: null, body: '{{message}}' },
    },
    // A conversation on a network: the message as the agent wrote it (the acknowledgment gave
    // the case number and the link; repeating them under every answer would drown the talk).
    messaging: {
      fr: { subject: null, body: '{{message}}' },
      en: { subject: null, body: '{{message}}' },
    },
  },
  chat_transcript: {
    email: {
      fr: {
        subject: '[{{case.number}}] Votre conversation avec {{brand.name}}',
        body: `Bonjour {{customer.name}},

Voici votre conversation avec notre service client, dossier {{case.number}} :

{{transcript}}

Votre dossier reste suivi ici, où vous pouvez aussi nous écrire :
{{tracking.url}}

${SIGN_FR}`,
      },
      en: {
        subject: '[{{case.number}}] Your conversation with {{brand.name}}',
        body: `Hello {{customer.name}},

Here is your conversation with our customer service, case {{case.number}}:

{{transcript}}

Your case is still followed here, where you can also write to us:
{{tracking.url}}

${SIGN_EN}`,
      },
    },
  },
  // The case is solved (src/modules/surveys/closing.ts): thanks for the report, what was
  // done, the product's help, the survey, and how to come back if the problem does.
  closing: {
    email: {
      fr: {
        subject: '[{{case.number}}] Votre demande est résolue : merci !',
        body: `Bonjour {{customer.name}},

Votre dossier {{case.number}} (« {{case.subject}} ») est résolu. Merci de nous avoir signalé ce problème : chaque signalement nous aide à améliorer nos produits et notre service.

{{closing.summary}}

{{help.text}}

Votre avis nous aide à faire mieux. Deux questions, une minute, un clic pour commencer :
{{survey.url}}

{{reopen.text}}

${SIGN_FR}`,
      },
      en: {
        subject: '[{{case.number}}] Your request is solved: thank you!',
        body: `Hello {{customer.name}},

Your case {{case.number}} ("{{case.subject}}") is solved. Thank you for telling us about this problem: every report helps us improve our products and our service.

{{closing.summary}}

{{help.text}}

Your opinion helps us do better. Two questions, one minute, one click to start:
{{survey.url}}

{{reopen.text}}

${SIGN_EN}`,
      },
    },
    sms: {
      fr: { subject: null, body: "{{brand.name}} : dossier {{case.number}} résolu. Merci de nous l'avoir signalé ! Votre avis en 1 clic : {{survey.url}}" },
      en: { subject: null, body: '{{brand.name}}: case {{case.number}} solved. Thank you for telling us! Your opinion in 1 click: {{survey.url}}' },
    },
    messaging: {
      fr: { subject: null, body: 'Bonjour {{customer.name}}, votre dossier {{case.number}} est résolu. Merci de nous avoir signalé ce problème !\n{{closing.summary}}\n{{help.text}}\nVotre avis en 1 clic : {{survey.url}}\n{{reopen.text}}' },
      en: { subject: null, body: 'Hello {{customer.name}}, your case {{case.number}} is solved. Thank you for telling us about this problem!\n{{closing.summary}}\n{{help.text}}\nYour opinion in 1 click: {{survey.url}}\n{{reopen.text}}' },
    },
  },
  // Some days after the closing, when the customer has neither answered nor come back.
  follow_up: {
    email: {
      fr: {
        subject: '[{{case.number}}] Tout va bien depuis ?',
        body: `Bonjour {{customer.name}},

Nous avons résolu votre dossier {{case.number}} (« {{case.subject}} ») il y a quelques jours. Tout fonctionne toujours comme il faut ?

{{reopen.text}}

{{help.text}}

Et si vous avez une minute, dites-nous comment nous avons traité votre demande :
{{survey.url}}

${SIGN_FR}`,
      },
      en: {
        subject: '[{{case.number}}] Is everything still fine?',
        body: `Hello {{customer.name}},

We solved your case {{case.number}} ("{{case.subject}}") a few days ago. Is everything still working as it should?

{{reopen.text}}

{{help.text}}

And if you have a minute, tell us how we handled your request:
{{survey.url}}

${SIGN_EN}`,
      },
    },
    sms: {
      fr: { subject: null, body: '{{brand.name}} : dossier {{case.number}}, tout va bien depuis ? Un souci : écrivez-nous. Votre avis en 1 clic : {{survey.url}}' },
      en: { subject: null, body: '{{brand.name}}: case {{case.number}}, is everything still fine? Any problem: write to us. Your opinion in 1 click: {{survey.url}}' },
    },
    messaging: {
      fr: { subject: null, body: 'Bonjour {{customer.name}}, nous avons résolu votre dossier {{case.number}} il y a quelques jours : tout va bien depuis ?\n{{reopen.text}}\nVotre avis en 1 clic : {{survey.url}}' },
      en: { subject: null, body: 'Hello {{customer.name}}, we solved your case {{case.number}} a few days ago: is everything still fine?\n{{reopen.text}}\nYour opinion in 1 click: {{survey.url}}' },
    },
  },
  sla_warning: {
    email: {
      fr: {
        subject: '[{{case.number}}] Échéance proche : {{sla.metric}} avant le {{sla.deadline}}',
        body: `Bonjour {{agent.firstName}},

Le dossier {{case.number}} (« {{case.subject}} », {{customer.name}}) arrive à échéance : nous avons promis au client la {{sla.metric}} au plus tard le {{sla.deadline}}.

Ouvrez-le pour tenir la promesse :
{{case.url}}

Comptoir`,
      },
      en: {
        subject: '[{{case.number}}] Due soon: {{sla.metric}} by {{sla.deadline}}',
        body: `Hello {{agent.firstName}},

Case {{case.number}} ("{{case.subject}}", {{customer.name}}) is nearly due: we promised the customer the {{sla.metric}} by {{sla.deadline}}.

Open it to keep the promise:
{{case.url}}

Comptoir`,
      },
    },
  },
  sla_escalation: {
    email: {
      fr: {
        subject: '[{{case.number}}] Délai dépassé : {{sla.metric}} ({{team.name}})',
        body: `Bonjour {{agent.firstName}},

Le délai promis au client pour le dossier {{case.number}} (« {{case.subject}} », {{customer.name}}) est dépassé : la {{sla.metric}} était attendue au plus tard le {{sla.deadline}}.

Équipe : {{team.name}}
Suivi par : {{assignee.name}}

Le client attend : reprenez le dossier ou confiez-le à quelqu’un de disponible.
{{case.url}}

Comptoir`,
      },
      en: {
        subject: '[{{case.number}}] Overdue: {{sla.metric}} ({{team.name}})',
        body: `Hello {{agent.firstName}},

The delay promised to the customer on case {{case.number}} ("{{case.subject}}", {{customer.name}}) has passed: the {{sla.metric}} was due by {{sla.deadline}}.

Team: {{team.name}}
Handled by: {{assignee.name}}

The customer is waiting: take the case over or hand it to someone available.
{{case.url}}

Comptoir`,
      },
    },
  },
};

export function builtinTemplate(key: TemplateKey, channel: TemplateChannel, language: Language): TemplateText | undefined {
  return builtinTemplates[key][channel]?.[language];
}
