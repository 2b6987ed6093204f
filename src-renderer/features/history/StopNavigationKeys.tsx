import type { KeyboardEvent, ReactNode } from 'react';

/** Function keys typed in a dialog stay in it: the top bar's F1/F3/F7 would leave the screen mid-task. */
export function StopNavigationKeys({ children }: { children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (/^F\d{1,2}$/.test(event.key)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  return <div onKeyDown={onKeyDown}>{children}</div>;
}
