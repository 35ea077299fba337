// The html tagged template escapes by default.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, multiline, trusted } from './html.ts';

describe('html', () => {
  it('escapes every value put into it, in text and in quoted attributes', () => {
    const name = '<script>alert("x")</script>';
    const title = `" onmouseover='alert(1)`;
    expect(html`<p title="${title}">${name}</p>`.value).toBe(
      '<p title="&quot; onmouseover=&#39;alert(1)">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>',
    );
    expect(escapeHtml('a & b ` c')).toBe('a &amp; b &#96; c');
  });

  it('nests safe fragments without escaping them twice', () => {
    const item = (s: string) => html`<li>${s}</li>`;
    expect(html`<ul>${['a&b', '<i>'].map(item)}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>&lt;i&gt;</li></ul>');
  });

  it('renders nothing for false, null and undefined, and numbers as text', () => {
    const open = false;
    expect(html`${open && html`<b>open</b>`}${null}${undefined}${0}${42}`.value).toBe('042');
  });

  it('keeps line breaks of escaped text, and trusted markup as is', () => {
    expect(multiline('Bonjour,\n<b>merci</b>\r\nMarc').value).toBe('Bonjour,<br>&lt;b&gt;merci&lt;/b&gt;<br>Marc');
    expect(html`${trusted('<style>p{}</style>')}`.value).toBe('<style>p{}</style>');
  });
});
