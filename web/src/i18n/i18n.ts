// Translations of the interface: French first, English second. The chosen language is kept
// in localStorage, set on <html lang>, and sent to the API so its messages match.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/http.ts';
import en from './en.json';
import fr from './fr.json';

export const uiLanguages = ['fr', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

// Both catalogs must hold exactly the same keys: each must fit the other's shape.
const frCatalog: typeof en = fr;
const enCatalog: typeof fr = en;

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
  resources: { fr: { translation: frCatalog }, en: { translation: enCatalog } },
  lng: storedLanguage(),
  fallbackLng: 'fr',
  supportedLngs: uiLanguages,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
});
applyLanguage(i18n.language);

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'fr';
}

export async function switchLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts until the page is reloaded
  }
  await i18n.changeLanguage(language);
}
