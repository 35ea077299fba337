// Typed translation keys: t('a.missing.key') does not compile.
import 'i18next';
import type fr from './fr.json';
// Catalog parts shipped with a later screen's code (addCatalogPart in i18n.ts).
import type workflowPanel from '../cases/workflows/workflows.fr.json';
import type adminWords from '../admin/admin.fr.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr & typeof workflowPanel & typeof adminWords };
  }
}
