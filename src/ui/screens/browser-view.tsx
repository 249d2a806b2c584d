// The card browser's place in the app: `b` on home opens it (taken after the home screen
// passed the key on), q goes back. Kept out of App.tsx, which only shows what this returns.
import { useMemo } from 'react';
import type { StudyPort } from '../../core/ports.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, type Screen } from '../keys.js';
import { Browser } from './Browser.js';
import type { OpenEditor } from './Study.js';

export interface BrowserViewOptions {
  port: StudyPort;
  now: () => number;
  rows: number;
  openEditor?: OpenEditor | undefined;
  onHelp: (screen: Screen) => void;
  setView: (view: { name: 'home' } | { name: 'browser' }) => void;
}

/**
 * The browser screen to show while the view is 'browser' (null without a browser port).
 * `onHome`: home is showing and taking keys, so `b` may open the browser.
 */
export function useBrowserView(o: BrowserViewOptions, onHome: boolean): React.ReactNode {
  const browser = useMemo(() => o.port.browser?.(), [o.port]);
  useKeypress(
    (key) => {
      if (actionFor('home', key)?.action !== 'browse') return false;
      o.setView({ name: 'browser' });
      return true;
    },
    { priority: 'global', isActive: onHome && !!browser },
  );
  if (!browser) return null;
  return (
    <Browser
      port={browser}
      now={o.now}
      rows={o.rows}
      {...(o.openEditor ? { openEditor: o.openEditor } : {})}
      onBack={() => o.setView({ name: 'home' })}
      onHelp={o.onHelp}
    />
  );
}
