import {
  DEFAULT_SETTINGS,
  formatSetting,
  isSettingKey,
  SETTING_HELP,
  SETTING_KEYS,
  type SettingKey,
} from '../../core/settings.js';
import { StoreLockedError } from '../../store/store.js';
import { type Context, UsageError } from '../context.js';
import { openCollection } from '../services/open.js';

export const description =
  'Show or change settings: config list | get KEY | set KEY VALUE | reset KEY';

function requireKey(key: string | undefined): SettingKey {
  if (!key) throw new UsageError(`name a setting: ${SETTING_KEYS.join(', ')}`);
  if (!isSettingKey(key))
    throw new UsageError(`unknown setting '${key}'; settings: ${SETTING_KEYS.join(', ')}`);
  return key;
}

export async function run(ctx: Context, action: string, args: string[]): Promise<number> {
  const writes = action === 'set' || action === 'reset';
  if (!['list', 'get', 'set', 'reset'].includes(action))
    throw new UsageError(`unknown config action '${action}': use list, get, set or reset`);
  const key = action === 'list' ? null : requireKey(args[0]);
  if (action === 'set' && args.length < 2)
    throw new UsageError(`give a value: hyperrecall config set ${key} VALUE`);
  let opened: Awaited<ReturnType<typeof openCollection>>;
  try {
    opened = await openCollection(ctx, !writes);
  } catch (err) {
    if (err instanceof StoreLockedError) {
      process.stderr.write(
        `hyperrecall: ${err.message} (Or change it in the Settings screen: press , on the home screen.)\n`,
      );
      return 1;
    }
    throw err;
  }
  const { collection, store } = opened;
  try {
    const settings = collection.settings();
    if (key === null) {
      for (const k of SETTING_KEYS)
        process.stdout.write(
          `${k.padEnd(18)} ${formatSetting(settings, k).padEnd(10)}  # ${SETTING_HELP[k]}\n`,
        );
      return 0;
    }
    if (action === 'get') {
      process.stdout.write(`${formatSetting(settings, key)}\n`);
      return 0;
    }
    const raw = action === 'reset' ? formatSetting(DEFAULT_SETTINGS, key) : args.slice(1).join(' ');
    const error = collection.setSetting(key, raw);
    if (error) throw new UsageError(error);
    process.stdout.write(`${key} = ${formatSetting(collection.settings(), key)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
