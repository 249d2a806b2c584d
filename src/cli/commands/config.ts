import { oneLine } from '../../core/sanitize.js';
import {
  DEFAULT_SETTINGS,
  formatSetting,
  isSettingKey,
  SETTING_HELP,
  SETTING_KEYS,
  type SettingKey,
} from '../../core/settings.js';
import { StoreLockedError } from '../../store/errors.js';
import { type Context, UsageError } from '../context.js';
import { withCollection } from '../with-collection.js';

function requireKey(key: string | undefined): SettingKey {
  if (!key) throw new UsageError(`name a setting: ${SETTING_KEYS.join(', ')}`);
  if (!isSettingKey(key))
    throw new UsageError(`unknown setting '${oneLine(key)}'; settings: ${SETTING_KEYS.join(', ')}`);
  return key;
}

export async function run(ctx: Context, action: string, args: string[]): Promise<number> {
  const writes = action === 'set' || action === 'reset';
  if (!['list', 'get', 'set', 'reset'].includes(action))
    throw new UsageError(`unknown config action '${oneLine(action)}': use list, get, set or reset`);
  const key = action === 'list' ? null : requireKey(args[0]);
  if (action === 'set' && args.length < 2)
    throw new UsageError(`give a value: hyperrecall config set ${key} VALUE`);
  try {
    return await change(ctx, action, key, args, writes);
  } catch (err) {
    if (err instanceof StoreLockedError)
      err.message += ' Or change the setting in that session: press , on its home screen.';
    throw err;
  }
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
