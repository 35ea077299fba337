// Server-side translations. Every text a customer or agent reads comes from a catalog in
// French and English; French is the default. Modules add their own catalogs with
// `registerCatalog` so each keeps its words next to its code.
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export type Catalog = Record<string, string>;

const catalogs: Record<Language, Catalog> = { fr: {}, en: {} };

export function registerCatalog(entries: Record<Language, Catalog>): void {
  for (const lang of languages) {
    for (const [key, value] of Object.entries(entries[lang])) {
      if (catalogs[lang][key] !== undefined && catalogs[lang][key] !== value) {
        throw new Error(`i18n key ${key} defined twice for ${lang}`);
      }
      catalogs[lang][key] = value;
    }
  }
}

/** Translates `key`, replacing {name} placeholders; falls back to French, then to the key. */
export function t(lang: Language, key: string, vars: Record<string, string | number> = {}): string {
  const template = catalogs[lang][key] ?? catalogs.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function hasKey(lang: Language, key: string): boolean {
  return catalogs[lang][key] !== undefined;
}

/** Picks fr or en from an Accept-Language header; French unless English is preferred. */
export function negotiateLanguage(header: string | undefined, fallback: Language = 'fr'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if (lang === 'fr' || lang === 'en') return lang;
  }
  return fallback;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}
