// Which of the templates Meta lists can join the catalogue: approved ones Comptoir fills with body values.
import { describe, expect, it } from 'vitest';
import { catalogueFrom, type GraphTemplate } from './meta.templates.ts';

const tpl = (over: Partial<GraphTemplate>): GraphTemplate => ({ name: 'suivi', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Bonjour {{1}}, votre dossier {{2}} avance.' }], ...over });

describe('the catalogue from Meta’s list', () => {
  it('keeps approved templates with their body and its number of values', () => {
    expect(catalogueFrom([tpl({}), tpl({ name: 'relance', category: 'MARKETING', components: [{ type: 'HEADER', format: 'TEXT', text: 'Jardin & Maison' }, { type: 'BODY', text: 'Avez-vous pu regarder ?' }, { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://jardin-maison.fr/suivi', text: 'Suivre' }] }] })])).toEqual({
      templates: [
        { name: 'suivi', language: 'fr', category: 'UTILITY', body: 'Bonjour {{1}}, votre dossier {{2}} avance.', variables: 2 },
        { name: 'relance', language: 'fr', category: 'MARKETING', body: 'Avez-vous pu regarder ?', variables: 0 },
      ],
      skipped: [],
    });
  });

  it('leaves out, with the reason, what is not approved or needs more than body values', () => {
    const { templates, skipped } = catalogueFrom([
      tpl({ name: 'a', status: 'REJECTED' }),
      tpl({ name: 'b', status: 'PAUSED' }),
      tpl({ name: 'c', category: 'AUTHENTICATION' }),
      tpl({ name: 'd', parameter_format: 'NAMED', components: [{ type: 'BODY', text: 'Bonjour {{prenom}}' }] }),
      tpl({ name: 'e', components: [{ type: 'BODY', text: 'Bonjour {{prenom}}' }] }),
      tpl({ name: 'f', components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'x' }] }),
      tpl({ name: 'g', components: [{ type: 'HEADER', format: 'TEXT', text: 'Dossier {{1}}' }, { type: 'BODY', text: 'x' }] }),
      tpl({ name: 'h', components: [{ type: 'BODY', text: 'x' }, { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://jardin-maison.fr/suivi/{{1}}' }] }] }),
      tpl({ name: 'i', components: [{ type: 'FOOTER', text: 'x' }] }),
    ]);
    expect(templates).toEqual([]);
    expect(skipped.map((s) => [s.name, s.reason])).toEqual([
      ['a', 'not approved (rejected)'],
      ['b', 'not approved (paused)'],
      ['c', 'an authentication template (its code is not typed by agents)'],
      ['d', 'named variables (only {{1}}, {{2}}… are filled)'],
      ['e', 'named variables (only {{1}}, {{2}}… are filled)'],
      ['f', 'a header that needs a value or a file'],
      ['g', 'a header that needs a value or a file'],
      ['h', 'a button with a variable link'],
      ['i', 'no body text'],
    ]);
  });
});
