// The macro picker: a dialog with a search box over the macros the agent may use; arrows
// move, Enter inserts, Esc closes. Opened by "m" on the case page or ";;" in the composer.
import { Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MacroDto } from '../api/contracts.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usableMacrosQuery } from './workspace.api.ts';
import classes from './MacroPicker.module.css';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function MacroPicker({ opened, language, onClose, onPick }: { opened: boolean; language: 'fr' | 'en'; onClose: () => void; onPick: (m: MacroDto) => void }) {
  const { t } = useTranslation();
  const macros = useQuery({ ...usableMacrosQuery, enabled: opened });
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  const shown = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean);
    return (macros.data ?? []).filter((m) => {
      const text = fold(`${m.name} ${language === 'en' ? m.bodyEn : m.bodyFr}`);
      return words.every((w) => text.includes(w));
    });
  }, [macros.data, search, language]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const close = () => {
    setSearch('');
    setActive(0);
    onClose();
  };
  const pick = (m: MacroDto | undefined) => {
    if (!m) return;
    setSearch('');
    setActive(0);
    onPick(m);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') pick(shown[current]);
    else return;
    event.preventDefault();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('workspace.macros.pickerTitle')} size="lg" closeButtonProps={{ 'aria-label': t('workspace.macros.close') }}>
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label={t('workspace.macros.search')}
          description={t('workspace.macros.searchHint')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown[current] ? `${listId}-${shown[current].id}` : undefined}
        />
        {macros.isPending ? (
          <LoadingState size="sm" label={t('workspace.macros.loading')} />
        ) : macros.isError ? (
          <ProblemAlert error={macros.error} title={t('workspace.macros.loadFailed')} onRetry={() => void macros.refetch()} />
        ) : shown.length === 0 ? (
          <Text c="dimmed" size="sm">
            {macros.data.length === 0 ? t('workspace.macros.none') : t('workspace.macros.noMatch')}
          </Text>
        ) : (
          <div role="listbox" id={listId} aria-label={t('workspace.macros.listLabel')} className={classes.list}>
            {shown.map((m, i) => (
              <UnstyledButton
                key={m.id}
                id={`${listId}-${m.id}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === current}
                className={classes.option}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(m)}
              >
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {language === 'en' ? m.bodyEn : m.bodyFr}
                </Text>
              </UnstyledButton>
            ))}
          </div>
        )}
        <Text size="xs" c="dimmed">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t('workspace.macros.keysMove')} · <Kbd>{t('workspace.keys.enter')}</Kbd> {t('workspace.macros.keysPick')} · <Kbd>{t('workspace.keys.escape')}</Kbd> {t('workspace.macros.keysClose')}
        </Text>
      </Stack>
    </Modal>
  );
}
