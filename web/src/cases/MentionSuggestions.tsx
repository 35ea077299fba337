// The colleagues offered while "@…" is typed in a note: a list under the text box that the
// keyboard drives from the text box itself (arrows, Enter or Tab to choose, Esc to close).
import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MentionableUser } from '../api/contracts.ts';
import classes from './MacroPicker.module.css';

export function MentionSuggestions({ id, users, active, onPick }: { id: string; users: MentionableUser[]; active: number; onPick: (u: MentionableUser) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder shadow="sm" p={4}>
      <div role="listbox" id={id} aria-label={t('workspace.mentions.listLabel')} className={classes.list}>
        {users.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            {t('workspace.mentions.noMatch')}
          </Text>
        ) : (
          users.map((u, i) => (
            <UnstyledButton
              key={u.id}
              id={`${id}-${u.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={classes.option}
              // Keep the focus in the text box.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(u)}
            >
              <Text size="sm" fw={600} span>
                {u.name}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                {u.email}
              </Text>
            </UnstyledButton>
          ))
        )}
      </div>
    </Paper>
  );
}
