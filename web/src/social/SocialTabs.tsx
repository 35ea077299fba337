// The social inbox's two pages: the stream of messages and the response times.
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';

export function SocialTabs() {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t('social.tabs.label')} gap="lg">
      <RouterAnchor to="/social" fw={600} activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: true, includeSearch: false }}>
        {t('social.tabs.stream')}
      </RouterAnchor>
      <RouterAnchor to="/social/response-times" fw={600} activeProps={{ 'aria-current': 'page' }} activeOptions={{ includeSearch: false }}>
        {t('social.tabs.responseTimes')}
      </RouterAnchor>
    </Group>
  );
}
