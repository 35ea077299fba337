// Every rule id a verdict can name, by where it comes from (the sources are beside each id in
// its file, and listed in docs/policies.md).
import { beRules } from './law/be.ts';
import { euRules } from './law/eu.ts';
import { frRules } from './law/fr.ts';
import { qcRules } from './law/qc.ts';
import { storeRules } from './retail-rules.ts';

export const ruleIds: ReadonlySet<string> = new Set([euRules, frRules, beRules, qcRules, storeRules].flatMap((rules) => Object.values(rules)));
