// One case: who and what (header), its timeline, the reply / note form, and the controls
// to move it on (status, step, reason, priority, team, assignee). Live events refresh it
// while it is open; the keyboard works it (useCaseHotkeys); who else is on it shows above,
// and merge, split and related cases beside (collab/), with the purchase the case is about and
// its returns, exchanges, repairs and refunds (workflows/).
import { Grid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
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
import { ComposeForm, type ComposerHandle } from './ComposeForm.tsx';
import { inboxSearch } from './inbox-return.ts';
import { useCaseHotkeys } from './useCaseHotkeys.ts';
import { CaseClocks } from './SlaClocks.tsx';
import { CollabProvider } from './collab/CollabContext.tsx';
import { CollabPanel } from './collab/CollabPanel.tsx';
import { MergedBanner } from './collab/MergedBanner.tsx';
import { CaseAlerts } from './alerts/CaseAlerts.tsx';
import { PresenceBar } from './collab/PresenceBar.tsx';
import { SplitBar } from './collab/SplitBar.tsx';
import { CustomerPanel } from '../customers/CustomerPanel.tsx';
import { CasePurchase } from './CasePurchase.tsx';
import { GesturePanel } from './gestures/GesturePanel.tsx';
import { CaseWorkflows } from './workflows/CaseWorkflows.tsx';

const route = getRouteApi('/signed-in/cases/$caseId');

export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const { compose } = route.useSearch();
  const found = useQuery(caseQuery(caseId));
  const composer = useRef<ComposerHandle>(null);
  useCaseHotkeys(found.data, composer);
  const ready = found.data?.access === 'full';
  // ?compose=reply: the inbox's "answer" opens the case with the reply box focused.
  useEffect(() => {
    if (ready && compose) composer.current?.focus(compose);
  }, [ready, compose, caseId]);

  const back = (
    <RouterAnchor to="/cases" search={inboxSearch()} size="sm">
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
  const page = (
    <Stack gap="md">
      {back}
      <CaseHeader c={c} />
      <MergedBanner c={c} />
      <CaseAlerts c={c} />
      <PresenceBar />
      {found.isError && <ProblemAlert error={found.error} title={t('case.refreshFailed')} onRetry={() => void found.refetch()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <SplitBar c={c} />
            <CaseTimeline caseId={c.id} channel={c.channel} />
            {!readOnly && <ComposeForm key={c.id} c={c} handle={composer} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <CaseClocks clocks={c.clocks} />
            <CaseDetails c={c} />
            {!readOnly && <CaseControls c={c} />}
            <CollabPanel c={c} />
            <CasePurchase c={c} />
            {!readOnly && <GesturePanel c={c} />}
            <CaseWorkflows c={c} />
            <CustomerPanel key={c.customer.id} customerId={c.customer.id} currentCaseId={c.id} caseWritable={!readOnly} variant="beside-case" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
  // Presence, the composer's draft and split mode are shared by the parts of the page.
  return (
    <CollabProvider caseId={c.id} canWrite={!readOnly}>
      {page}
    </CollabProvider>
  );
}
