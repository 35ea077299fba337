// Typed translation keys: t('a.missing.key') does not compile.
import 'i18next';
import type fr from './fr.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
