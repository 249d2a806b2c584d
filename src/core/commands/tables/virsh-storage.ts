// virsh subcommands: Storage Pool, Storage Volume, Virsh itself. Written by
// scripts/virsh-table.mjs from `virsh help <subcommand>` of virsh 9.0.0; see virsh.ts for the
// notation. Regenerate rather than edit by hand.
import { virshSubcommands } from './virsh-notation.js';

export const VIRSH_STORAGE = virshSubcommands(`
// Storage Pool
find-storage-pool-sources-as [type] [host] [port] [initiator]
find-storage-pool-sources [type] [srcSpec]
pool-autostart [pool] disable
pool-build [pool] no-overwrite overwrite
pool-create-as [name] [type] print-xml [source-host] [source-path] [source-dev] [source-name] [target] [source-format] [auth-type] [auth-username] [secret-usage] [secret-uuid] [adapter-name] [adapter-wwnn] [adapter-wwpn] [adapter-parent] [adapter-parent-wwnn] [adapter-parent-wwpn] [adapter-parent-fabric-wwn] [source-protocol-ver] [source-initiator] build no-overwrite overwrite
pool-create [file] build no-overwrite overwrite
pool-define-as [name] [type] print-xml [source-host] [source-path] [source-dev] [source-name] [target] [source-format] [auth-type] [auth-username] [secret-usage] [secret-uuid] [adapter-name] [adapter-wwnn] [adapter-wwpn] [adapter-parent] [adapter-parent-wwnn] [adapter-parent-wwpn] [adapter-parent-fabric-wwn] [source-protocol-ver] [source-initiator]
pool-define [file] validate
pool-delete [pool]
pool-destroy [pool]
pool-dumpxml [pool] inactive xpath= wrap
pool-edit [pool]
pool-info [pool] bytes
pool-list inactive all transient persistent autostart no-autostart [type] details uuid name
pool-name [pool]
pool-refresh [pool]
pool-start [pool] build no-overwrite overwrite
pool-undefine [pool]
pool-uuid [pool]
pool-event [pool] [event] loop [timeout] list timestamp
pool-capabilities
// Storage Volume
vol-clone [vol] [newname] [pool] prealloc-metadata reflink print-xml
vol-create-as [pool] [name] [capacity] [allocation] [format] [backing-vol] [backing-vol-format] prealloc-metadata print-xml
vol-create [pool] [file] prealloc-metadata validate
vol-create-from [pool] [file] [vol] [inputpool] prealloc-metadata reflink validate
vol-delete [vol] [pool] delete-snapshots
vol-download [vol] [file] [pool] [offset] [length] sparse
vol-dumpxml [vol] [pool] xpath= wrap
vol-info [vol] [pool] bytes physical
vol-key [vol] [pool]
vol-list [pool] details
vol-name [vol]
vol-path [vol] [pool]
vol-pool [vol] uuid
vol-resize [vol] [capacity] [pool] allocate delta shrink
vol-upload [vol] [file] [pool] [offset] [length] sparse
vol-wipe [vol] [pool] [algorithm]
// Virsh itself
cd [dir]
echo shell xml split err [string]...
exit
help [command]
pwd
quit
connect [name] readonly
`);
