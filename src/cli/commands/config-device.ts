// `config get device` and `config set device NAME`: this device's name (store/device.ts) and
// a safe rename of its files (store/device-rename.ts).
import { oneLine } from '../../core/sanitize.js';
import { deviceNameProblem, resolveDevice } from '../../store/device.js';
import { renameDevice } from '../../store/device-rename.js';
import { StoreLockedError } from '../../store/errors.js';
import { type Context, UsageError } from '../context.js';

export async function runDevice(ctx: Context, action: string, args: string[]): Promise<number> {
  // Before anything was written the name is only proposed, and a new one each time.
  const chosen = resolveDevice(ctx.dataDir, ctx.env).source !== 'new';
  if (action === 'get') {
    process.stdout.write(
      chosen
        ? `${ctx.device}\n`
        : `none yet: the first session or setting change keeps one (the host name and four hex digits); to choose it: hyperrecall config set device NAME\n`,
    );
    return 0;
  }
  if (action !== 'set')
    throw new UsageError(
      `config ${action} device: use config get device or config set device NAME`,
    );
  const to = args[1];
  if (to === undefined || args.length > 2)
    throw new UsageError('give one name: hyperrecall config set device NAME');
  const problem = deviceNameProblem(to);
  if (problem) throw new UsageError(`'${oneLine(to)}' is not a device name: ${problem}`);
  if (resolveDevice(ctx.dataDir, ctx.env).source === 'env')
    throw new UsageError(
      'HYPERRECALL_DEVICE names this device; change or unset it instead of config set device',
    );
  try {
    renameDevice({ dataDir: ctx.dataDir, from: ctx.device, to });
  } catch (err) {
    if (err instanceof StoreLockedError)
      err.message += ' The device is renamed while no session uses it.';
    throw err;
  }
  process.stdout.write(`device = ${to}${chosen ? ` (was ${ctx.device})` : ''}\n`);
  return 0;
}
