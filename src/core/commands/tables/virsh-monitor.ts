// virsh subcommands: Domain Monitoring, Domain Events, Host and Hypervisor, Checkpoint, Snapshot, Backup. Written by
// scripts/virsh-table.mjs from `virsh help <subcommand>` of virsh 9.0.0; see virsh.ts for the
// notation. Regenerate rather than edit by hand.
import { virshSubcommands } from './virsh-notation.js';

export const VIRSH_MONITOR = virshSubcommands(`
// Domain Monitoring
domblkerror [domain]
domblkinfo [domain] [device] human all
domblklist [domain] inactive details
domblkstat [domain] [device] human
domcontrol [domain]
domif-getlink [domain] [interface] config
domifaddr [domain] [interface] full [source]
domiflist [domain] inactive
domifstat [domain] [interface]
dominfo [domain]
dommemstat [domain] period= config live current
domstate [domain] reason
domstats state cpu-total balloon vcpu interface block perf iothread memory dirtyrate vm list-active list-inactive list-persistent list-transient list-running list-paused list-shutoff list-other raw enforce backing nowait [domain]...
domtime [domain] now pretty sync [time]
list inactive all transient persistent with-snapshot without-snapshot with-checkpoint without-checkpoint state-running state-paused state-shutoff state-other autostart no-autostart with-managed-save without-managed-save uuid name id table managed-save title
// Domain Events
event [domain] [event] all loop [timeout] list timestamp
// Host and Hypervisor
allocpages [pagesize] [pagecount] [cellno] add all
capabilities
cpu-baseline [file] features migratable
cpu-compare [file] error validate
cpu-models [arch]
domcapabilities [virttype] [emulatorbin] [arch] [machine]
freecell [cellno] all
freepages [cellno] [pagesize] all
hostname
hypervisor-cpu-baseline [file] [virttype] [emulator] [arch] [machine] features migratable [model]
hypervisor-cpu-compare [file] [virttype] [emulator] [arch] [machine] error validate
maxvcpus [type]
node-memory-tune [shm-pages-to-scan] [shm-sleep-millisecs] [shm-merge-across-nodes]
nodecpumap pretty
nodecpustats [cpu] percent
nodeinfo
nodememstats [cell]
nodesevinfo
nodesuspend [target] [duration]
sysinfo
uri
version daemon
// Checkpoint
checkpoint-create [domain] [xmlfile] redefine redefine-validate quiesce
checkpoint-create-as [domain] [name] [description] print-xml quiesce [diskspec]...
checkpoint-delete [domain] [checkpointname] children children-only metadata
checkpoint-dumpxml [domain] [checkpointname] security-info no-domain size xpath= wrap
checkpoint-edit [domain] [checkpointname]
checkpoint-info [domain] [checkpointname]
checkpoint-list [domain] parent roots leaves no-leaves tree [from] descendants name topological
checkpoint-parent [domain] [checkpointname]
// Snapshot
snapshot-create [domain] [xmlfile] redefine current no-metadata halt disk-only reuse-external quiesce atomic live validate
snapshot-create-as [domain] [name] [description] print-xml no-metadata halt disk-only reuse-external quiesce atomic live validate memspec= [diskspec]...
snapshot-current [domain] name security-info [snapshotname]
snapshot-delete [domain] [snapshotname] current children children-only metadata
snapshot-dumpxml [domain] [snapshotname] security-info xpath= wrap
snapshot-edit [domain] [snapshotname] current rename clone
snapshot-info [domain] [snapshotname] current
snapshot-list [domain] parent roots leaves no-leaves metadata no-metadata inactive active disk-only internal external tree [from] current descendants name topological
snapshot-parent [domain] [snapshotname] current
snapshot-revert [domain] [snapshotname] current running paused force reset-nvram
// Backup
backup-begin [domain] [backupxml] [checkpointxml] reuse-external
backup-dumpxml [domain] xpath= wrap
`);
