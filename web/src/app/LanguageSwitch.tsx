// French / English, remembered on this browser.
import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUiLanguage, switchLanguage } from '../i18n/i18n.ts';

export function LanguageSwitch(props: Partial<SegmentedControlProps>) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(value) => {
        if (isUiLanguage(value)) void switchLanguage(value);
      }}
      data={[
        { value: 'fr', label: <span lang="fr" title="Français">FR</span> },
        { value: 'en', label: <span lang="en" title="English">EN</span> },
      ]}
      {...props}
    />
  );
}
