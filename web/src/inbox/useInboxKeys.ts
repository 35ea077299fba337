// The inbox's keyboard shortcuts, with Mantine's useHotkeys: j / k move the focused row,
// Enter opens it, x selects it, e solves and a takes the focused (or selected) cases, r opens
// the case with the reply box ready, / goes to the search box, Esc clears the selection and
// ? shows every shortcut. useHotkeys ignores keys typed in inputs, selects and text areas;
// these also wait while a dialog or a menu is open, and Enter on a link or a button keeps
// its own meaning.
import { useHotkeys } from '@mantine/hooks';

export interface InboxKeyActions {
  move: (step: 1 | -1) => void;
  open: () => void;
  toggle: () => void;
  solve: () => void;
  assignToMe: () => void;
  reply: () => void;
  focusSearch: () => void;
  clear: () => void;
  showSheet: () => void;
}

/** A dialog or a menu has the keyboard: the inbox's keys are not for the page behind it. */
const overlayOpen = () => document.querySelector('[aria-modal="true"], [role="menu"]') !== null;

/** Enter is the focused row's only when the focus is on the row itself or nowhere in particular. */
const enterIsOurs = (event: KeyboardEvent) => {
  const target = event.target as HTMLElement | null;
  return !target || target === document.body || target.tagName === 'TR' || target.id === 'main';
};

export function useInboxKeys(actions: InboxKeyActions): void {
  const when =
    (run: () => void) =>
    (event: KeyboardEvent): void => {
      if (overlayOpen() || event.defaultPrevented) return;
      event.preventDefault();
      run();
    };
  useHotkeys([
    ['j', when(() => actions.move(1)), { preventDefault: false }],
    ['k', when(() => actions.move(-1)), { preventDefault: false }],
    ['x', when(actions.toggle), { preventDefault: false }],
    ['e', when(actions.solve), { preventDefault: false }],
    ['a', when(actions.assignToMe), { preventDefault: false }],
    ['r', when(actions.reply), { preventDefault: false }],
    ['/', when(actions.focusSearch), { preventDefault: false }],
    ['shift+/', when(actions.focusSearch), { preventDefault: false }],
    ['shift+?', when(actions.showSheet), { preventDefault: false }],
    ['?', when(actions.showSheet), { preventDefault: false }],
    ['Escape', when(actions.clear), { preventDefault: false }],
    [
      'Enter',
      (event) => {
        if (enterIsOurs(event)) when(actions.open)(event);
      },
      { preventDefault: false },
    ],
  ]);
}
