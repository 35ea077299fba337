// Message templates: what customers (and agents, for SLA mails) receive, per key, channel and
// language. Pick one on the left; write it on the right with its live preview. A customised
// template says so; the built-in text is one click away.
import { Grid, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateKeys as keys } from '../../../../src/modules/notifications/notifications.contract.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { ToneBadge } from '../ui/ToneBadge.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { templatesQuery, type TemplateDto } from './templates.api.ts';

const idOf = (t: Pick<TemplateDto, 'key' | 'channel' | 'language'>) => `${t.key}/${t.channel}/${t.language}`;

export function TemplatesPage() {
  const { t } = useTranslation();
  const list = useQuery(templatesQuery);
  const [selected, setSelected] = useState('acknowledgment/email/fr');

  return (
    <AdminPage title={t('admin.templates.title')} intro={t('admin.templates.intro')}>
      <QueryState query={list} loading={t('admin.templates.loading')} failed={t('admin.templates.loadFailed')}>
        {(items) => {
          const current = items.find((i) => idOf(i) === selected) ?? items[0];
          return (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
                <Paper withBorder p="xs" component="nav" aria-label={t('admin.templates.listLabel')}>
                  {keys.map((key) => (
                    <Stack key={key} gap={0} mb="xs">
                      <Text size="sm" fw={700} px="sm" pt={4}>
                        {t(`admin.templates.keys.${key}`)}
                      </Text>
                      {items
                        .filter((i) => i.key === key)
                        .map((i) => (
                          <NavLink
                            key={idOf(i)}
                            component="button"
                            variant="filled"
                            type="button"
                            active={current && idOf(current) === idOf(i)}
                            aria-current={current && idOf(current) === idOf(i) ? 'true' : undefined}
                            onClick={() => setSelected(idOf(i))}
                            label={`${t(`admin.templates.channels.${i.channel}`)} · ${i.language.toUpperCase()}`}
                            rightSection={
                              i.customised ? (
                                <ToneBadge tone="info" size="xs">
                                  {t('admin.templates.customised')}
                                </ToneBadge>
                              ) : undefined
                            }
                          />
                        ))}
                    </Stack>
                  ))}
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
                {current && (
                  <Stack gap="sm">
                    <Title order={2} size="h3">
                      {t(`admin.templates.keys.${current.key}`)} · {t(`admin.templates.channels.${current.channel}`)} · {current.language === 'fr' ? 'Français' : 'English'}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t(`admin.templates.help.${current.key}`)} {current.customised ? t('admin.templates.isCustomised') : t('admin.templates.isBuiltin')}
                    </Text>
                    <TemplateEditor key={`${idOf(current)}:${current.updatedAt ?? 'builtin'}`} template={current} />
                  </Stack>
                )}
              </Grid.Col>
            </Grid>
          );
        }}
      </QueryState>
    </AdminPage>
  );
}
