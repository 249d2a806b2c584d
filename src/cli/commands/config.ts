import { written } from '../../app/written.js';
import { type DeckLimitField, resolveDeckLimits, withDeckLimit } from '../../core/deck-limits.js';
import { oneLine } from '../../core/sanitize.js';
import {
  DEFAULT_SETTINGS,
  formatSetting,
  isSettingKey,
  parseSetting,
  SETTING_HELP,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from '../../core/settings.js';
import { StoreLockedError } from '../../store/errors.js';
import { type Context, UsageError } from '../context.js';
import { type Opened, resolveDecks, withCollection } from '../with-collection.js';
import { runDevice } from './config-device.js';

/** The settings a deck can override, and their field in a deck's limits. */
const PER_DECK: Partial<Record<SettingKey, DeckLimitField>> = {
  'new-per-day': 'newPerDay',
  'reviews-per-day': 'reviewsPerDay',
};

function requireKey(key: string | undefined): SettingKey {
  if (!key) throw new UsageError(`name a setting: ${SETTING_KEYS.join(', ')}`);
  if (!isSettingKey(key))
    throw new UsageError(`unknown setting '${oneLine(key)}'; settings: ${SETTING_KEYS.join(', ')}`);
  return key;
}

export async function run(
  ctx: Context,
  action: string,
  args: string[],
  opts: { deck?: string } = {},
): Promise<number> {
  const writes = action === 'set' || action === 'reset';
  if (!['list', 'get', 'set', 'reset'].includes(action))
    throw new UsageError(`unknown config action '${oneLine(action)}': use list, get, set or reset`);
  if (args[0] === 'device') return runDevice(ctx, action, args);
  const key = action === 'list' ? null : requireKey(args[0]);
  if (action === 'set' && args.length < 2)
    throw new UsageError(`give a value: hyperrecall config set ${key} VALUE`);
  if (opts.deck !== undefined && key !== null && !PER_DECK[key])
    throw new UsageError(
      `--deck works with new-per-day and reviews-per-day only; ${key} applies to every deck`,
    );
  try {
    if (opts.deck !== undefined) return await perDeck(ctx, action, key, args, opts.deck);
    return await change(ctx, action, key, args, writes);
  } catch (err) {
    if (err instanceof StoreLockedError)
      err.message += ' Or change the setting in that session: press , on its home screen.';
    throw err;
  }
}

/** One line per deck override, after the global settings. */
function deckLines(settings: Settings, width: number): string[] {
  const out: string[] = [];
  for (const [deck, limits] of Object.entries(settings.deckLimits))
    for (const [key, field] of Object.entries(PER_DECK)) {
      const v = limits[field];
      if (v === undefined) continue;
      const name = `${key} --deck ${oneLine(deck)}`;
      out.push(`${name.padEnd(width)} ${String(v).padEnd(10)}  # this deck's own limit\n`);
    }
  return out;
}

async function change(
  ctx: Context,
  action: string,
  key: SettingKey | null,
  args: string[],
  writes: boolean,
): Promise<number> {
  return withCollection(ctx, writes ? 'write' : 'read', async ({ collection }) => {
    const settings = collection.settings();
    if (key === null) {
      const width = Math.max(...SETTING_KEYS.map((k) => k.length));
      for (const k of SETTING_KEYS)
        process.stdout.write(
          `${k.padEnd(width)} ${formatSetting(settings, k).padEnd(10)}  # ${SETTING_HELP[k]}\n`,
        );
      for (const line of deckLines(settings, width)) process.stdout.write(line);
      return 0;
    }
    if (action === 'get') {
      process.stdout.write(`${formatSetting(settings, key)}\n`);
      return 0;
    }
    const raw = action === 'reset' ? formatSetting(DEFAULT_SETTINGS, key) : args.slice(1).join(' ');
    const error = collection.setSetting(key, raw);
    // A value out of range is a usage error; a setting that could not be saved is not.
    if (error?.startsWith('invalid value')) throw new UsageError(oneLine(error));
    if (error) {
      process.stderr.write(`hyperrecall: ${oneLine(error)}\n`);
      return 1;
    }
    process.stdout.write(`${key} = ${formatSetting(collection.settings(), key)}\n`);
    return 0;
  });
}

/**
 * `config get|set|reset new-per-day --deck ID`: a deck's own limit, stored beside the global
 * settings. `reset` removes the override, so the deck follows the global setting again.
 */
async function perDeck(
  ctx: Context,
  action: string,
  key: SettingKey | null,
  args: string[],
  typed: string,
): Promise<number> {
  const writes = action === 'set' || action === 'reset';
  return withCollection(ctx, writes ? 'write' : 'read', async ({ collection, store }) => {
    const [deck] = resolveDecks(collection.decks, [typed]) as [string];
    const settings = collection.settings();
    const keys = key === null ? (Object.keys(PER_DECK) as SettingKey[]) : [key];
    if (!writes) {
      for (const k of keys) {
        const own = settings.deckLimits[deck]?.[PER_DECK[k]!];
        const value = own ?? formatSetting(settings, k);
        const line = key === null ? `${k} ${value}${own === undefined ? ' (global)' : ''}` : value;
        process.stdout.write(`${line}\n`);
      }
      return 0;
    }
    const field = PER_DECK[key!]!;
    let value: number | null = null;
    if (action === 'set') {
      const parsed = parseSetting(key!, args.slice(1).join(' '));
      if (!parsed.ok) throw new UsageError(oneLine(parsed.message));
      value = parsed.value as number;
    }
    return save(store, deck, key!, field, value);
  });
}

function save(
  store: Opened['store'],
  deck: string,
  key: SettingKey,
  field: DeckLimitField,
  value: number | null,
): number {
  const deckLimits = withDeckLimit(store.settings.deckLimits, deck, field, value);
  const r = written(() => store.setSettings({ ...store.settings, deckLimits }));
  if (!r.ok) {
    process.stderr.write(`hyperrecall: ${oneLine(r.error)}\n`);
    return 1;
  }
  const own = resolveDeckLimits(deckLimits)[deck]?.[field];
  process.stdout.write(
    own === undefined
      ? `${key} --deck ${oneLine(deck)}: follows the global setting\n`
      : `${key} --deck ${oneLine(deck)} = ${own}\n`,
  );
  return 0;
}
