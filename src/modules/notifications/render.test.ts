import { describe, expect, it } from 'vitest';
import { parseTemplate, renderText, templateProblems, textToHtml } from './render.ts';

describe('template syntax', () => {
  it('splits text and variables, spaces inside the braces allowed', () => {
    expect(parseTemplate('Dossier {{ case.number }} : {{tracking.url}}')).toEqual(['Dossier ', { variable: 'case.number' }, ' : ', { variable: 'tracking.url' }]);
  });

  it('names unknown variables and syntax errors, once each', () => {
    expect(templateProblems('{{case.number}} {{case.numero}} {{case.numero}}', ['case.number'])).toEqual(['unknown variable {{case.numero}}; this template can use {{case.number}}']);
    expect(templateProblems('Bonjour {{customer.name', ['customer.name'])).toEqual(['"{{" at character 9 is never closed with "}}"']);
    expect(templateProblems('{{ 1 + 1 }}', [])).toEqual(['"{{ 1 + 1 }}" is not a variable name (e.g. {{case.number}})']);
    expect(templateProblems('Rien à remplacer } ni {', [])).toEqual([]);
  });
});

describe('rendering text', () => {
  it('fills variables in, leaving their values as they are', () => {
    expect(renderText('Votre dossier {{case.number}} : {{message}}', { 'case.number': 'SAV-2026-000123', message: '<b>1 & 2</b>\nligne 2' })).toBe(
      'Votre dossier SAV-2026-000123 : <b>1 & 2</b>\nligne 2',
    );
  });

  it('drops the line of an empty optional sentence, and the space before punctuation', () => {
    const template = 'Bonjour {{customer.name}},\n\nLigne 1.\n{{step.text}}\nLigne 3.\n\n{{next.text}}\n\n\nFin';
    expect(renderText(template, { 'customer.name': '', 'step.text': '', 'next.text': '' })).toBe('Bonjour,\n\nLigne 1.\nLigne 3.\n\nFin');
    expect(renderText(template, { 'customer.name': 'Jérôme', 'step.text': 'Réparation en cours.', 'next.text': '' })).toBe('Bonjour Jérôme,\n\nLigne 1.\nRéparation en cours.\nLigne 3.\n\nFin');
  });
});

describe('the HTML part', () => {
  const html = (text: string) => textToHtml(text, { language: 'fr', title: 'Sujet <1>', layout: 'email' });

  it('escapes everything and makes web addresses clickable, without the closing punctuation', () => {
    const out = html('Suivi : https://sav.exemple.fr/t/abc_D-9.\n<script>alert("x")</script> & co');
    expect(out).toContain('Suivi : <a href="https://sav.exemple.fr/t/abc_D-9">https://sav.exemple.fr/t/abc_D-9</a>.<br>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(out).toContain('<title>Sujet &lt;1&gt;</title>');
    expect(out).toContain('<html lang="fr">');
    expect(out).not.toContain('<script>');
  });

  it('keeps paragraphs and line breaks; a link cannot break out of its attribute', () => {
    const out = html('Un.\nDeux.\n\nTrois.');
    expect(out).toContain('<p style="margin:0 0 1em">Un.<br>\nDeux.</p>\n<p style="margin:0 0 1em">Trois.</p>');
    expect(html('https://x.example/"onmouseover="alert(1)')).toContain('<a href="https://x.example/">https://x.example/</a>&quot;onmouseover=&quot;alert(1)');
  });

  it('lays the ticket out for an 80 mm printer', () => {
    expect(textToHtml('SAV', { language: 'en', title: '', layout: 'ticket' })).toContain('width:72mm');
  });
});
