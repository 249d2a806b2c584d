import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { StudyPort } from '../../core/ports.js';
import {
  DEFAULT_SETTINGS,
  formatSetting,
  SETTING_HELP,
  SETTING_KEYS,
  type SettingKey,
} from '../../core/settings.js';
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
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const key = SETTING_KEYS[cursor] as SettingKey;
  const save = (raw: string) => {
    const error = port.setSetting(key, raw);
    setMessage(error ?? `${key} = ${formatSetting(port.settings(), key)}`);
    if (!error) setEditing(null);
    setVersion((v) => v + 1);
  };
  useInput(
    (input, k) => {
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
          setMessage(SETTING_HELP[key]);
          return setEditing(formatSetting(port.settings(), key).replace(/^none$/, ''));
        case 'reset':
          return save(formatSetting(DEFAULT_SETTINGS, key));
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
