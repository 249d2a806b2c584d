// virsh subcommands: Domain Management. Written by
// scripts/virsh-table.mjs from `virsh help <subcommand>` of virsh 9.0.0; see virsh.ts for the
// notation. Regenerate rather than edit by hand.
import { virshSubcommands } from './virsh-notation.js';

export const VIRSH_DOMAIN = virshSubcommands(`
// Domain Management
attach-device [domain] [file] persistent config live current
attach-disk [domain] [source] [target] [targetbus] [driver] [subdriver] [iothread] [cache] [io] [type] [mode] [sourcetype] [serial] [wwn] [alias] rawio [address] multifunction print-xml [source-protocol] [source-host-name] [source-host-transport] [source-host-socket] persistent config live current
attach-interface [domain] [type] [source] [target] [mac] [script] [model] [alias] [inbound] [outbound] persistent config live current print-xml managed [source-mode]
autostart [domain] disable
blkdeviotune [domain] [device] [total-bytes-sec] [read-bytes-sec] [write-bytes-sec] [total-iops-sec] [read-iops-sec] [write-iops-sec] [total-bytes-sec-max] [read-bytes-sec-max] [write-bytes-sec-max] [total-iops-sec-max] [read-iops-sec-max] [write-iops-sec-max] [size-iops-sec] [group-name] [total-bytes-sec-max-length] [read-bytes-sec-max-length] [write-bytes-sec-max-length] [total-iops-sec-max-length] [read-iops-sec-max-length] [write-iops-sec-max-length] config live current
blkiotune [domain] [weight] [device-weights] [device-read-iops-sec] [device-write-iops-sec] [device-read-bytes-sec] [device-write-bytes-sec] config live current
blockcommit [domain] [path] [bandwidth] [base] shallow [top] active delete wait verbose [timeout] pivot keep-overlay async keep-relative bytes
blockcopy [domain] [path] [dest] [bandwidth] shallow reuse-external blockdev wait verbose [timeout] pivot finish async [xml] [format] [granularity] [buf-size] bytes transient-job synchronous-writes print-xml
blockjob [domain] [path] abort async pivot info bytes raw [bandwidth]
blockpull [domain] [path] [bandwidth] [base] wait verbose [timeout] async keep-relative bytes
blockresize [domain] [path] [size]
change-media [domain] [path] [source] eject insert update current live config force print-xml block
console [domain] [devname] force safe
cpu-stats [domain] total [start] [count]
create [file] console paused autodestroy [pass-fds] validate reset-nvram
define [file] validate
desc [domain] live config current title edit [new-desc]...
destroy [domain] graceful remove-logs
detach-device [domain] [file] persistent config live current
detach-device-alias [domain] [alias] config live current
detach-disk [domain] [target] persistent config live current print-xml
detach-interface [domain] [type] [mac] persistent config live current print-xml
domdisplay [domain] include-password [type] all
domfsfreeze [domain] [mountpoint]...
domfsthaw [domain] [mountpoint]...
domfsinfo [domain]
domfstrim [domain] [minimum] [mountpoint]
domhostname [domain] [source]
domid [domain]
domif-setlink [domain] [interface] [state] config print-xml
domiftune [domain] [interface] [inbound] [outbound] config live current
domjobabort [domain] postcopy
domjobinfo [domain] completed keep-completed anystats rawstats
domlaunchsecinfo [domain]
domsetlaunchsecstate [domain] secrethdr= secret= [set-address]
domname [domain]
domrename [domain] [new-name]
dompmsuspend [domain] [target] duration=
dompmwakeup [domain]
domuuid [domain]
domxml-from-native [format] [config]
domxml-to-native [format] domain= [xml]
dump [domain] [file] live crash bypass-cache reset verbose memory-only [format]
dumpxml [domain] inactive security-info update-cpu migratable xpath= wrap
edit [domain] skip-validate
get-user-sshkeys [domain] [user]
inject-nmi [domain]
iothreadinfo [domain] config live current
iothreadpin [domain] [iothread] [cpulist] config live current
iothreadadd [domain] [id] config live current
iothreadset [domain] [id] [poll-max-ns] [poll-grow] [poll-shrink] [thread-pool-min] [thread-pool-max] config live current
iothreaddel [domain] [id] config live current
send-key [domain] codeset= holdtime= [keycode]...
send-process-signal [domain] [pid] [signame]
lxc-enter-namespace [domain] noseclabel [cmd]...
managedsave [domain] bypass-cache running paused verbose
managedsave-remove [domain]
managedsave-edit [domain] running paused
managedsave-dumpxml [domain] security-info xpath= wrap
managedsave-define [domain] [xml] running paused
memtune [domain] [hard-limit] [soft-limit] [swap-hard-limit] [min-guarantee] config live current
perf [domain] [enable] [disable] config live current
metadata [domain] [uri] live config current edit [key] [set] remove
migrate [domain] [desturi] live offline p2p direct tunnelled persistent undefinesource suspend copy-storage-all copy-storage-inc copy-storage-synchronous-writes change-protection unsafe verbose compressed auto-converge rdma-pin-all abort-on-error postcopy postcopy-after-precopy postcopy-resume zerocopy [migrateuri] [graphicsuri] [listen-address] [dname] [timeout] timeout-suspend timeout-postcopy [xml] [migrate-disks] [disks-port] [disks-uri] [comp-methods] [comp-mt-level] [comp-mt-threads] [comp-mt-dthreads] [comp-xbzrle-cache] [auto-converge-initial] [auto-converge-increment] [persistent-xml] tls [postcopy-bandwidth] parallel [parallel-connections] [bandwidth] [tls-destination]
migrate-setmaxdowntime [domain] [downtime]
migrate-getmaxdowntime [domain]
migrate-compcache [domain] size=
migrate-setspeed [domain] [bandwidth] postcopy
migrate-getspeed [domain] postcopy
migrate-postcopy [domain]
numatune [domain] [mode] [nodeset] config live current
qemu-attach [pid]
qemu-monitor-command [domain] hmp pretty return-value pass-fds= [cmd]...
qemu-monitor-event [domain] [event] pretty loop [timeout] regex no-case timestamp
qemu-agent-command [domain] timeout= async block pretty [cmd]...
guest-agent-timeout [domain] timeout=
reboot [domain] [mode]
reset [domain]
restore [file] bypass-cache [xml] running paused reset-nvram
resume [domain]
save [domain] [file] bypass-cache [xml] running paused verbose
save-image-define [file] [xml] running paused
save-image-dumpxml [file] security-info xpath= wrap
save-image-edit [file] running paused
schedinfo [domain] weight= cap= current config live [set]...
screenshot [domain] [file] [screen]
set-lifecycle-action [domain] [type] [action] config live current
set-user-sshkeys [domain] [user] [file] reset remove
set-user-password [domain] [user] [password] encrypted
setmaxmem [domain] [size] config live current
setmem [domain] [size] config live current
setvcpus [domain] [count] maximum config live current guest hotpluggable
shutdown [domain] [mode]
start [domain] console paused autodestroy bypass-cache force-boot [pass-fds] reset-nvram
suspend [domain]
ttyconsole [domain]
undefine [domain] managed-save [storage] remove-all-storage delete-storage-volume-snapshots wipe-storage snapshots-metadata checkpoints-metadata nvram keep-nvram tpm keep-tpm
update-device [domain] [file] persistent config live current force
update-memory-device [domain] config live current print-xml [alias] [node] [requested-size]
vcpucount [domain] maximum active live config current guest
vcpuinfo [domain] pretty
vcpupin [domain] [vcpu] [cpulist] config live current
emulatorpin [domain] [cpulist] config live current
vncdisplay [domain]
guestvcpus [domain] [cpulist] enable disable
setvcpu [domain] [vcpulist] enable disable config live current
domblkthreshold [domain] [dev] [threshold]
guestinfo [domain] user os timezone hostname filesystem disk interface
domdirtyrate-calc [domain] [seconds] [mode]
dom-fd-associate [domain] [name] [pass-fds] seclabel-writable seclabel-restore
`);
