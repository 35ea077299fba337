// The demo's macros: a few solution-oriented answers in French and English, as a SAV team
// writes them — what we do next and by when, never "dans les meilleurs délais".
import type { Ctx } from '../../context.ts';
import { systemActor } from '../access/actor.ts';
import type { CreateMacroInput } from '../automation/macros.contract.ts';
import { createMacro, listMacros } from '../automation/macros.service.ts';

const macros: CreateMacroInput[] = [
  {
    name: 'Photo de la plaque signalétique',
    bodyFr:
      'Bonjour {{customer.firstName}},\n\nPour lancer le diagnostic de votre dossier {{case.number}}, envoyez-nous une photo de la plaque signalétique (sous l’appareil ou au dos) : c’est la seule chose qui nous manque. Vous pouvez l’ajouter ici : {{tracking.url}}\n\nDès réception, nous vous répondons {{case.promise}}.\n\n{{agent.firstName}}, SAV {{brand.name}}',
    bodyEn:
      'Hello {{customer.firstName}},\n\nTo start the diagnosis of your case {{case.number}}, please send us a photo of the rating plate (under the appliance or on its back): it is the only thing we still need. You can add it here: {{tracking.url}}\n\nAs soon as we have it, we will answer {{case.promise}}.\n\n{{agent.firstName}}, {{brand.name}} after-sales',
    actions: { status: 'waiting_customer' },
    active: true,
    scope: 'shared',
  },
  {
    name: 'Pièce commandée',
    bodyFr:
      'Bonjour {{customer.firstName}},\n\nNous avons commandé la pièce nécessaire à la réparation ({{case.product}}). Vous suivez chaque étape ici : {{tracking.url}}\n\nNous revenons vers vous {{case.promise}}.\n\n{{agent.firstName}}, SAV {{brand.name}}',
    bodyEn:
      'Hello {{customer.firstName}},\n\nWe have ordered the part needed for the repair ({{case.product}}). You can follow every step here: {{tracking.url}}\n\nWe will be back to you {{case.promise}}.\n\n{{agent.firstName}}, {{brand.name}} after-sales',
    actions: { status: 'waiting_third_party', step: 'awaiting_part', addTags: ['piece-commandee'] },
    active: true,
    scope: 'shared',
  },
  {
    name: 'Échange en magasin accepté',
    bodyFr:
      'Bonjour {{customer.firstName}},\n\nBonne nouvelle : votre produit est échangé. Présentez-vous au magasin {{store.name}} avec le numéro de dossier {{case.number}} ; le nouveau produit vous attend, sans avance de frais.\n\n{{agent.firstName}}, SAV {{brand.name}}',
    bodyEn:
      'Hello {{customer.firstName}},\n\nGood news: your product will be exchanged. Go to the {{store.name}} store with the case number {{case.number}}; the new product is waiting for you, at no cost.\n\n{{agent.firstName}}, {{brand.name}} after-sales',
    actions: { step: 'exchange' },
    active: true,
    scope: 'shared',
  },
  {
    name: 'Clôture avec remerciements',
    bodyFr:
      'Bonjour {{customer.firstName}},\n\nVotre dossier {{case.number}} est résolu. Merci de votre patience et de votre confiance ; si quoi que ce soit ne va pas, répondez simplement à ce message et nous rouvrons le dossier.\n\n{{agent.firstName}}, SAV {{brand.name}}',
    bodyEn:
      'Hello {{customer.firstName}},\n\nYour case {{case.number}} is solved. Thank you for your patience and your trust; if anything is still wrong, simply answer this message and we will reopen it.\n\n{{agent.firstName}}, {{brand.name}} after-sales',
    actions: { status: 'solved' },
    active: true,
    scope: 'shared',
  },
];

/** Creates the demo macros not there yet (seeding again adds none twice). */
export async function createDemoMacros(ctx: Ctx): Promise<number> {
  const actor = systemActor('demo');
  const existing = new Set((await listMacros(ctx, actor, {})).map((m) => m.name));
  const missing = macros.filter((m) => !existing.has(m.name));
  for (const m of missing) await createMacro(ctx, actor, m);
  return missing.length;
}
