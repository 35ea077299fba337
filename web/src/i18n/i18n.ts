// Translations of the interface: French first, English second. The chosen language is kept
// in localStorage, set on <html lang>, and sent to the API so its messages match. French, the
// default, is in the first screen's code; English is fetched when chosen (each catalog is
// about 17 KB gzipped, and most users never switch). A screen loaded later may bring its own
// words with its code (addCatalogPart), to keep them off the first screen.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/http.ts';
import type en from './en.json';
import fr from './fr.json';

export const uiLanguages = ['fr', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

// Both catalogs must hold exactly the same keys: each must fit the other's shape.
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: SameShape<typeof fr, typeof en> = true;
void sameKeys;

const catalogs: Record<UiLanguage, () => Promise<typeof fr>> = {
  fr: async () => fr,
  en: async () => (await import('./en.json')).default,
};

const STORAGE_KEY = 'comptoir.language';

export const isUiLanguage = (value: unknown): value is UiLanguage => value === 'fr' || value === 'en';

function storedLanguage(): UiLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : 'fr';
  } catch {
    return 'fr'; // storage disabled: French, the default
  }
}

export const i18n = i18next.createInstance();

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  setApiLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: uiLanguages,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
});
applyLanguage(i18n.language);

/** The words screens brought with their code, per language, to merge into its catalog when it loads. */
const catalogParts: Record<UiLanguage, object[]> = { fr: [], en: [] };

/**
 * Words of a screen that is not on the first screen, shipped in that screen's own chunk: merged
 * into each language's catalog now if it is loaded, or as soon as it is. Their keys must not be
 * in the main catalogs (i18next.d.ts adds their types).
 */
export function addCatalogPart(part: Record<UiLanguage, object>): void {
  for (const language of uiLanguages) {
    catalogParts[language].push(part[language]);
    if (i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', part[language], true, true);
  }
}

/** Loads a language's catalog once, with the parts screens already brought. */
async function ensureCatalog(language: UiLanguage): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await catalogs[language]());
  for (const part of catalogParts[language]) i18n.addResourceBundle(language, 'translation', part, true, true);
}

/** Resolves once the stored language is ready to show (at once for French). Awaited before the first render. */
export const i18nReady: Promise<void> = (async () => {
  const stored = storedLanguage();
  if (stored === 'fr') return;
  try {
    await ensureCatalog(stored);
    await i18n.changeLanguage(stored);
  } catch {
    // The catalog could not be fetched (offline): French, the default, until the next try.
  }
})();

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'fr';
}

export async function switchLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts until the page is reloaded
  }
  await ensureCatalog(language);
  await i18n.changeLanguage(language);
}
