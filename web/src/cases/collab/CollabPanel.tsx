// "Working together" beside the case: merge it with the customer's other cases, split
// messages off into a new case, and the related cases. Hidden actions for readers who may
// not change the case, and for a case already merged into another (it lives on there).
import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../api/contracts.ts';
import { useCollab } from './CollabContext.tsx';
import { LinkedCases } from './LinkedCases.tsx';
import { MergeDialog } from './MergeDialog.tsx';

export function CollabPanel({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const { split } = useCollab();
  const [merging, setMerging] = useState(false);
  const canWrite = c.access === 'full' && !c.mergedIntoId;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="collab-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="collab-title">
          {t('collab.panel.title')}
        </Title>
        {canWrite && (
          <Group gap="sm">
            <Button variant="default" onClick={() => setMerging(true)}>
              {t('collab.panel.merge')}
            </Button>
            <Button variant="default" onClick={split.start} disabled={split.active || c.status === 'closed'}>
              {t('collab.panel.split')}
            </Button>
          </Group>
        )}
        <LinkedCases c={c} canWrite={canWrite} />
      </Stack>
      {canWrite && <MergeDialog c={c} opened={merging} onClose={() => setMerging(false)} />}
    </Paper>
  );
}
