import { Box, Text, useStdin } from 'ink';
import { useContext, useMemo, useRef, useState } from 'react';
import type { BrowserPort, CardInfo } from '../../core/ports.js';
import { type BrowserAction, MARK_DONE } from '../../core/search/actions.js';
import { COLUMNS, type Column } from '../../core/search/columns.js';
import { CardInfoView } from '../components/CardInfoView.js';
import { WidthContext } from '../components/Para.js';
import { lineRow, textRows } from '../components/rows.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useViewport } from '../hooks/useViewport.js';
import type { Keypress } from '../keypress/split-keys.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { type BrowserMode, browserTable, footer, queryText, titleText } from './browser-rows.js';
import type { OpenEditor } from './Study.js';

export interface BrowserProps {
  port: BrowserPort;
  now: () => number;
  rows: number;
  openEditor?: OpenEditor;
  onBack: () => void;
  onHelp: (screen: Screen) => void;
}

const ACTIONS: Partial<Record<string, BrowserAction>> = {
  suspend: 'suspend',
  bury: 'bury',
  flag: 'flag',
};

/**
 * The card browser (`b`): a search in Anki's syntax, a sortable table of the cards it
 * finds, and actions on the selected card. The cursor stays on its card when the list is
 * searched again or re-sorted, as long as the card is still in it.
 */
export function Browser({ port, now, rows, openEditor, onBack, onHelp }: BrowserProps) {
  const theme = useTheme();
  const width = useContext(WidthContext);
  const { setRawMode } = useStdin();
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState<string | null>(null);
  const [sort, setSort] = useState<{ column: Column; desc: boolean }>({
    column: 'due',
    desc: false,
  });
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [info, setInfo] = useState<CardInfo | null>(null);
  const editing = useRef(false);
  // The clock is read when the list is: the due column does not tick on every key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version re-reads after a write
  const { found, at } = useMemo(() => {
    const t = now();
    return { found: port.browse(query, sort, t), at: t };
  }, [port, now, query, sort, version]);
  const list = found.ok ? found.rows : [];
  const index = Math.max(0, selected ? list.findIndex((r) => r.key === selected) : 0);
  const cursor = list.length === 0 ? -1 : Math.min(index, list.length - 1);
  const row = cursor >= 0 ? list[cursor] : undefined;
  const table = useMemo(
    () => browserTable(list, cursor, width, at, theme),
    [list, cursor, width, at, theme],
  );
  const mode: BrowserMode = draft !== null ? 'query' : confirm ? 'confirm' : 'list';
  const foot = footer(mode, width, theme);
  const message = !found.ok ? found.message : notice;
  const messageRows = textRows(message ?? ' ', width, {
    color: found.ok ? theme.muted : theme.bad,
  });
  // Title, search line, column header, message and footer; one row stays free.
  const height = Math.max(2, rows - 4 - messageRows.length - foot.length);
  const view = useViewport(table.list.length, height, `${query}:${sort.column}:${sort.desc}`, [
    Math.max(0, cursor),
    Math.max(0, cursor) + 1,
  ]);
  const moveTo = (i: number) => {
    const r = list[i];
    if (!r) return;
    setSelected(r.key);
    view.follow(i, i + 1);
  };

  const act = (action: BrowserAction) => {
    const card = row ? port.card(row.key) : null;
    if (!row || !card) return;
    if (action === 'forget' && row.phase === 'new' && row.reps === 0) {
      setNotice(`${row.key}: already new`);
      return;
    }
    const r = port.act(card, row, action, now());
    setNotice(r.ok ? `${row.key}: ${MARK_DONE[r.value] ?? r.value}` : r.error);
    setVersion((v) => v + 1);
  };

  /** `u`: takes back this screen's last action; the cursor goes to that card. */
  const undo = () => {
    if (!port.undo) return;
    const r = port.undo(now());
    if (!r.ok) setNotice(r.error);
    else if (r.value.kind === 'none') setNotice('Nothing to undo.');
    else if (r.value.kind === 'stale')
      setNotice(`${r.value.key}: answered since it was forgotten; nothing undone`);
    else {
      const { key, mark } = r.value;
      setNotice(
        `${key}: ${mark === 'unforget' ? MARK_DONE.unforget : `undone, ${MARK_DONE[mark]}`}`,
      );
      setSelected(key);
    }
    setVersion((v) => v + 1);
  };

  const edit = async () => {
    const card = row ? port.card(row.key) : null;
    if (!openEditor || !card || editing.current) return;
    editing.current = true;
    setRawMode(false);
    try {
      const problem = await openEditor(card.pos.file, card.pos.line);
      const warnings = await port.reloadDecks();
      setNotice(problem ?? warnings[0] ?? 'Deck reloaded.');
      setVersion((v) => v + 1);
    } finally {
      setRawMode(true);
      editing.current = false;
    }
  };

  const onQueryKey = (key: Keypress, text: string): boolean => {
    const action = actionFor('browserQuery', key)?.action;
    if (action === 'save') {
      setQuery(text.trim());
      setDraft(null);
      setSelected(null);
      setNotice(null);
    } else if (action === 'cancel') setDraft(null);
    else if (action === 'erase') setDraft(text.slice(0, -1));
    else if (key.text && !key.ctrl && !key.meta) setDraft(text + key.text);
    else return false;
    return true;
  };

  useKeypress((key) => {
    if (info || editing.current) return true;
    if (draft !== null) return onQueryKey(key, draft);
    if (confirm) {
      const action = actionFor('confirmForget', key)?.action;
      if (action === 'yes') act('forget');
      if (action === 'yes' || action === 'no') setConfirm(false);
      return true;
    }
    const hit = actionFor('browser', key);
    const n = list.length;
    switch (hit?.action) {
      case 'up':
        if (n > 0) moveTo((cursor - 1 + n) % n);
        break;
      case 'down':
        if (n > 0) moveTo((cursor + 1) % n);
        break;
      case 'pageUp':
        moveTo(Math.max(0, cursor - (height - 2)));
        break;
      case 'pageDown':
        moveTo(Math.min(n - 1, cursor + (height - 2)));
        break;
      case 'query':
        setDraft(query);
        break;
      case 'sort': {
        const next = COLUMNS[(COLUMNS.indexOf(sort.column) + 1) % COLUMNS.length]!;
        setSort({ column: next, desc: sort.desc });
        break;
      }
      case 'reverse':
        setSort({ column: sort.column, desc: !sort.desc });
        break;
      case 'suspend':
      case 'bury':
      case 'flag':
        act(ACTIONS[hit.action]!);
        break;
      case 'forget':
        if (row) setConfirm(true);
        break;
      case 'undo':
        undo();
        break;
      case 'edit':
        void edit();
        break;
      case 'info': {
        const card = row ? port.card(row.key) : null;
        if (card) setInfo(port.info(card, now()));
        break;
      }
      case 'help':
        onHelp('browser');
        break;
      case 'quit':
        onBack();
        break;
      default:
        return false;
    }
    return true;
  });

  if (info) return <CardInfoView info={info} rows={rows} onClose={() => setInfo(null)} />;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent} wrap="truncate-end">
        {titleText(found.ok ? list.length : null, sort)}
      </Text>
      <Rows rows={[lineRow(queryText(query, draft), { bold: draft !== null })]} />
      <Rows rows={[table.header]} />
      {list.length === 0 && found.ok ? (
        <Text color={theme.muted}>No cards match.</Text>
      ) : (
        <Viewport rows={table.list} height={height} top={view.top} />
      )}
      <Rows rows={messageRows} />
      <Rows rows={foot} />
    </Box>
  );
}
