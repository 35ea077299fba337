// @mentions while writing a note: follows the caret, offers colleagues who may see the case
// (mentionable-users), puts the chosen one's name in the text and remembers their id; the
// keyboard stays in the text box (arrows, Enter or Tab to choose, Esc to close).
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { MentionableUser } from '../api/contracts.ts';
import { insertMention, matchColleagues, mentionAt, mentionedIn } from './mention-text.ts';
import { mentionableQuery } from './workspace.api.ts';

export function useMentionInput(caseId: string, enabled: boolean, textarea: RefObject<HTMLTextAreaElement | null>, setBody: (text: string) => void) {
  const listId = useId();
  const users = useQuery({ ...mentionableQuery(caseId), enabled });
  const [at, setAt] = useState<{ start: number; query: string; caret: number } | null>(null);
  const [active, setActive] = useState(0);
  const chosen = useRef(new Map<string, string>());

  const offered: MentionableUser[] = enabled && at ? matchColleagues(users.data ?? [], at.query) : [];
  const open = enabled && at !== null;
  const current = Math.min(active, Math.max(0, offered.length - 1));

  /** Call with the text and caret after every change or caret move. */
  const track = (text: string, caret: number) => {
    const found = enabled ? mentionAt(text, caret) : null;
    setAt(found ? { ...found, caret } : null);
    if (!found) setActive(0);
  };

  const pick = (user: MentionableUser) => {
    const el = textarea.current;
    if (!el || !at) return;
    const next = insertMention(el.value, at.start, at.caret, user.name);
    chosen.current.set(user.id, user.name);
    setBody(next.text);
    setAt(null);
    setActive(0);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  /** Handles the list's keys; true when the key was for it. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, offered.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if ((event.key === 'Enter' || event.key === 'Tab') && offered[current] && !event.ctrlKey && !event.metaKey) pick(offered[current]);
    else if (event.key === 'Escape') setAt(null);
    else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  return {
    listId,
    open,
    offered,
    active: current,
    track,
    pick,
    onKeyDown,
    /** The colleagues the text still names. */
    mentionedIn: (text: string) => mentionedIn(text, chosen.current),
    reset: () => {
      chosen.current.clear();
      setAt(null);
    },
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open && offered[current] ? `${listId}-${offered[current].id}` : undefined,
    },
  };
}
