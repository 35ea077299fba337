// The administration's words, French and English, shipped with the admin pages' code rather
// than in the first screen's catalog: agents open the inbox far more often than the admin, and
// the inbox's first load has a size budget (test/e2e/first-screen.e2e.test.ts).
import { addCatalogPart, type SameShape } from '../i18n/i18n.ts';
import en from './admin.en.json';
import fr from './admin.fr.json';

// Both languages must hold exactly the same keys.
const sameKeys: SameShape<typeof fr, typeof en> = true;
void sameKeys;

addCatalogPart({ fr, en });
