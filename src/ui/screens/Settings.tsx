import { Box, Text } from 'ink';
import { useReducer, useRef, useState } from 'react';
import type { StudyPort } from '../../core/ports.js';
import {
  DEFAULT_SETTINGS,
  formatSetting,
  SETTING_HELP,
  SETTING_KEYS,
  type SettingKey,
} from '../../core/settings.js';
import { useKeys } from '../hooks/useKeys.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

/** Every setting with its value; Enter edits in place, r resets to the default. */
export function Settings({
  port,
  active,
  rows,
  onBack,
  onHelp,
}: {
  port: StudyPort;
  active: boolean;
  rows: number;
  onBack: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  // Cursor and the line being edited live in a ref so keys typed ahead in one read apply
  // in order (see useKeys); a counter re-renders.
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const ui = useRef({ cursor: 0, editing: null as string | null }).current;
  const [message, setMessage] = useState<string | null>(null);
  const { cursor, editing } = ui;
  const keyAt = () => SETTING_KEYS[ui.cursor] as SettingKey;
  const setEditing = (v: string | null) => {
    ui.editing = v;
    rerender();
  };
  const setCursor = (f: (c: number) => number) => {
    ui.cursor = f(ui.cursor);
    rerender();
  };
  const save = (raw: string) => {
    const k = keyAt();
    const error = port.setSetting(k, raw);
    setMessage(error ?? `${k} = ${formatSetting(port.settings(), k)}`);
    if (!error) setEditing(null);
    rerender();
  };
  useKeys(
    (input, k) => {
      const editing = ui.editing;
      if (editing !== null) {
        if (k.return) return save(editing);
        if (k.escape) return setEditing(null);
        if (k.backspace || k.delete) return setEditing(editing.slice(0, -1));
        if (input && !k.ctrl && !k.meta) setEditing(editing + input);
        return;
      }
      const hit = actionFor('settings', input, k);
      switch (hit?.action) {
        case 'up':
          return setCursor((c) => (c - 1 + SETTING_KEYS.length) % SETTING_KEYS.length);
        case 'down':
          return setCursor((c) => (c + 1) % SETTING_KEYS.length);
        case 'change':
          setMessage(SETTING_HELP[keyAt()]);
          return setEditing(formatSetting(port.settings(), keyAt()).replace(/^none$/, ''));
        case 'reset':
          return save(formatSetting(DEFAULT_SETTINGS, keyAt()));
        case 'help':
          return onHelp('settings');
        case 'quit':
          return onBack();
        default:
          return;
      }
    },
    { isActive: active },
  );
  const settings = port.settings();
  // Title, message and footer take 3 rows; keep one free so Ink never fills the screen.
  const visible = Math.min(SETTING_KEYS.length, Math.max(3, rows - 4));
  const top = Math.min(Math.max(0, cursor - visible + 1), SETTING_KEYS.length - visible);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>
        Settings
      </Text>
      {SETTING_KEYS.slice(top, top + visible).map((k, j) => {
        const i = top + j;
        return (
          <Text
            key={k}
            bold={i === cursor}
            color={i === cursor ? theme.accent : undefined}
            wrap="truncate-end"
          >
            {i === cursor ? '› ' : '  '}
            {k.padEnd(18)}
            {i === cursor && editing !== null ? `${editing}▏` : formatSetting(settings, k)}
          </Text>
        );
      })}
      <Text color={message?.startsWith('invalid') ? theme.bad : theme.muted}>{message ?? ' '}</Text>
      <Text color={theme.muted} wrap="truncate-end">
        {editing !== null
          ? 'type a value · Enter save · Esc cancel'
          : hint('settings', ['change', 'reset', 'help', 'quit'])}
      </Text>
    </Box>
  );
}
