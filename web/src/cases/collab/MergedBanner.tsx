// On a case merged into another: it is closed and its story goes on in the survivor, which
// the banner names and links to.
import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../api/contracts.ts';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { caseQuery } from '../cases.api.ts';

export function MergedBanner({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const survivor = useQuery({ ...caseQuery(c.mergedIntoId ?? ''), enabled: !!c.mergedIntoId });
  if (!c.mergedIntoId) return null;
  const number = survivor.data?.number ?? '…';
  return (
    <Alert color="gray" variant="light" title={t('collab.merge.bannerTitle')} data-testid="merged-banner">
      {t('collab.merge.banner', { number })}{' '}
      <RouterAnchor to="/cases/$caseId" params={{ caseId: c.mergedIntoId }} fw={700}>
        {t('collab.merge.openSurvivor', { number })}
      </RouterAnchor>
    </Alert>
  );
}
