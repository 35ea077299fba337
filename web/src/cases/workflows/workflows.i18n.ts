// The workflow panel's words, French and English, shipped with the case page's code rather than
// in the first screen's catalog (the inbox's first load has a size budget).
import { addCatalogPart, type SameShape } from '../../i18n/i18n.ts';
import en from './workflows.en.json';
import fr from './workflows.fr.json';

// Both languages must hold exactly the same keys.
const sameKeys: SameShape<typeof fr, typeof en> = true;
void sameKeys;

addCatalogPart({ fr, en });
