// One case: who and what (header), its timeline, the reply / note form, and the controls
// to move it on (status, priority, step). Live events refresh it while it is open.
import { Grid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { caseQuery } from './cases.api.ts';
import { CaseControls } from './CaseControls.tsx';
import { CaseDetails, CaseHeader } from './CaseHeader.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { ComposeForm } from './ComposeForm.tsx';
import { CaseClocks } from './SlaClocks.tsx';
import { CustomerPanel } from '../customers/CustomerPanel.tsx';

const route = getRouteApi('/signed-in/cases/$caseId');

export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const found = useQuery(caseQuery(caseId));

  const back = (
    <RouterAnchor to="/cases" size="sm">
      ← {t('case.backToList')}
    </RouterAnchor>
  );

  if (found.isPending) {
    return (
      <Stack>
        {back}
        <PageHeading documentTitle={t('case.loadingTitle')}>{t('case.loadingTitle')}</PageHeading>
        <LoadingState label={t('case.loading')} />
      </Stack>
    );
  }
  if (found.isError && !found.data) {
    const missing = isApiError(found.error, 404) || isApiError(found.error, 400);
    return (
      <Stack>
        {back}
        <PageHeading>{missing ? t('case.notFound') : t('case.loadFailed')}</PageHeading>
        <ProblemAlert error={found.error} onRetry={missing ? undefined : () => void found.refetch()} />
      </Stack>
    );
  }

  const c = found.data;
  const readOnly = c.access !== 'full';
  return (
    <Stack gap="md">
      {back}
      <CaseHeader c={c} />
      {found.isError && <ProblemAlert error={found.error} title={t('case.refreshFailed')} onRetry={() => void found.refetch()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <CaseTimeline caseId={c.id} channel={c.channel} />
            {!readOnly && <ComposeForm c={c} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <CaseClocks clocks={c.clocks} />
            <CaseDetails c={c} />
            {!readOnly && <CaseControls c={c} />}
            <CustomerPanel key={c.customer.id} customerId={c.customer.id} currentCaseId={c.id} variant="beside-case" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
