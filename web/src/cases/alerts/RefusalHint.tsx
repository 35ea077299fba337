// Under the reply box: a draft that refuses the customer ("nous ne sommes pas responsables",
// "hors garantie") is pointed out before it leaves, with the words that refuse. Seed 004
// began with such a sentence, where the law gave the customer a remedy: when the case is linked
// to its purchase, the rulebook's verdict says so, and that such a refusal needs a manager.
import { Alert, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refusalCheckQuery } from './alerts.api.ts';

/** Long enough to skip the keystrokes, short enough to show before the agent sends. */
const PAUSE_MS = 600;

export function RefusalHint({ caseId, text }: { caseId: string; text: string }) {
  const { t, i18n } = useTranslation();
  const [settled] = useDebouncedValue(text.trim(), PAUSE_MS);
  const check = useQuery({ ...refusalCheckQuery(caseId, settled), enabled: settled.length >= 10 });
  const found = settled && check.data?.refuses ? check.data.phrases : null;
  // The rulebook's word when the case is linked to its purchase: the law gives the customer a remedy.
  const warning = found ? check.data?.warning : null;
  return (
    <div aria-live="polite">
      {found && (
        <Alert color="orange" variant="light" title={t('disputes.refusal.title')} data-testid="refusal-hint">
          <Text size="sm">{t('disputes.refusal.text', { phrases: found.map((p) => `« ${p} »`).join(', ') })}</Text>
          {warning && (
            <Text size="sm" fw={700} c="dark.9" mt={4} data-testid="refusal-policy">
              {i18n.language.startsWith('en') ? warning.text.en : warning.text.fr}
            </Text>
          )}
        </Alert>
      )}
    </div>
  );
}
