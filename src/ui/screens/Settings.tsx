import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import type { StudyPort } from '../../core/ports.js';
import {
  DEFAULT_SETTINGS,
  formatSetting,
  SETTING_FIELD,
  SETTING_HELP,
  SETTING_KEYS,
  type SettingKey,
} from '../../core/settings.js';
import { WidthContext } from '../components/Para.js';
import { lineRow, type Row, textRows } from '../components/rows.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { footerRows, hintParts } from './footer-rows.js';

/** The longest name and a space: exam-feeds-schedule once ran into its value. */
const KEY_WIDTH = Math.max(...SETTING_KEYS.map((k) => k.length)) + 1;

/** Settings that are true or false: toggled, not typed. */
function isToggle(k: SettingKey): boolean {
  return typeof DEFAULT_SETTINGS[SETTING_FIELD[k]] === 'boolean';
}

/**
 * A value longer than the room left (the 21 weights): its start with an ellipsis, or while
 * typing its end, so the cursor stays in view.
 */
function clip(value: string, room: number, keep: 'start' | 'end'): string {
  if (value.length <= room) return value;
  return keep === 'start' ? `${value.slice(0, room - 1)}…` : `…${value.slice(-(room - 1))}`;
}

/** Every setting with its value; Enter edits in place (flips a yes/no), r resets it. */
export function Settings({
  port,
  rows,
  onBack,
  onHelp,
}: {
  port: StudyPort;
  rows: number;
  onBack: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const width = useContext(WidthContext);
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const settings = port.settings();
  const keyAt = () => SETTING_KEYS[cursor] as SettingKey;
  const messageRows = textRows(message ?? ' ', width, {
    color: message?.startsWith('invalid') ? theme.bad : theme.muted,
  });
  // Title, message and footer; one row stays free so Ink never fills the screen.
  const footer = footerRows(
    editing !== null
      ? ['type a value', ...hintParts(hint('editSetting', ['save', 'cancel']))]
      : hintParts(
          hint('settings', ['change', 'reset', 'help', 'quit']).replace(
            /^(\S+) change/,
            isToggle(keyAt()) ? '$1 flip' : '$1 change',
          ),
        ),
    width,
    { color: theme.muted },
  );
  const height = Math.max(3, rows - 2 - footer.length - messageRows.length);
  const room = Math.max(8, width - 2 - KEY_WIDTH);
  const list: Row[] = SETTING_KEYS.map((k, i) => {
    const at = i === cursor;
    const value =
      at && editing !== null
        ? clip(`${editing}▏`, room, 'end')
        : clip(formatSetting(settings, k), room, 'start');
    return lineRow(`${at ? '› ' : '  '}${k.padEnd(KEY_WIDTH)}${value}`, {
      bold: at,
      color: at ? theme.accent : undefined,
    });
  });
  const view = useViewport(list.length, height, 'settings');
  const moveTo = (c: number) => {
    setCursor(c);
    view.follow(c, c + 1);
  };
  const save = (raw: string) => {
    const k = keyAt();
    const error = port.setSetting(k, raw);
    setMessage(error ?? `${k} = ${formatSetting(port.settings(), k)}`);
    if (!error) setEditing(null);
  };
  const n = SETTING_KEYS.length;
  useKeypress((key) => {
    if (editing !== null) {
      // Letters are text here: only the editing keys of the table act.
      const action = actionFor('editSetting', key)?.action;
      if (action === 'save') save(editing);
      else if (action === 'cancel') setEditing(null);
      else if (action === 'erase') setEditing(editing.slice(0, -1));
      else if (key.text && !key.ctrl && !key.meta) setEditing(editing + key.text);
      else return false;
      return true;
    }
    const hit = actionFor('settings', key);
    switch (hit?.action) {
      case 'up':
        moveTo((cursor - 1 + n) % n);
        break;
      case 'down':
        moveTo((cursor + 1) % n);
        break;
      case 'pageUp':
        moveTo(Math.max(0, cursor - (height - 2)));
        break;
      case 'pageDown':
        moveTo(Math.min(n - 1, cursor + (height - 2)));
        break;
      case 'change':
        // A yes/no setting has only one other value: Enter or Space flips it at once.
        if (isToggle(keyAt())) save(settings[SETTING_FIELD[keyAt()]] ? 'false' : 'true');
        else {
          setMessage(SETTING_HELP[keyAt()]);
          setEditing(formatSetting(settings, keyAt()).replace(/^(none|default)$/, ''));
        }
        break;
      case 'reset':
        save(formatSetting(DEFAULT_SETTINGS, keyAt()));
        break;
      case 'help':
        onHelp('settings');
        break;
      case 'quit':
        onBack();
        break;
      default:
        return false;
    }
    return true;
  });
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>
        Settings
      </Text>
      <Viewport rows={list} height={height} top={view.top} />
      <Rows rows={messageRows} />
      <Rows rows={footer} />
    </Box>
  );
}
