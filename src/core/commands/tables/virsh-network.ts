// virsh subcommands: Interface, Network Filter, Networking, Node Device, Secret. Written by
// scripts/virsh-table.mjs from `virsh help <subcommand>` of virsh 9.0.0; see virsh.ts for the
// notation. Regenerate rather than edit by hand.
import { virshSubcommands } from './virsh-notation.js';

export const VIRSH_NETWORK = virshSubcommands(`
// Interface
iface-begin
iface-bridge [interface] [bridge] no-stp [delay] no-start
iface-commit
iface-define [file] validate
iface-destroy [interface]
iface-dumpxml [interface] inactive xpath= wrap
iface-edit [interface]
iface-list inactive all
iface-mac [interface]
iface-name [interface]
iface-rollback
iface-start [interface]
iface-unbridge [bridge] no-start
iface-undefine [interface]
// Network Filter
nwfilter-define [file] validate
nwfilter-dumpxml [nwfilter] xpath= wrap
nwfilter-edit [nwfilter]
nwfilter-list
nwfilter-undefine [nwfilter]
nwfilter-binding-create [file] validate
nwfilter-binding-delete [binding]
nwfilter-binding-dumpxml [binding] xpath= wrap
nwfilter-binding-list
// Networking
net-autostart [network] disable
net-create [file] validate
net-define [file] validate
net-destroy [network]
net-dhcp-leases [network] [mac]
net-dumpxml [network] inactive xpath= wrap
net-edit [network]
net-event [network] [event] loop [timeout] list timestamp
net-info [network]
net-list inactive all persistent transient autostart no-autostart uuid name table
net-name [network]
net-start [network]
net-undefine [network]
net-update [network] [command] [section] [xml] [parent-index] config live current
net-uuid [network]
net-port-list [network] uuid table
net-port-create [network] [file] validate
net-port-dumpxml [network] [port] xpath= wrap
net-port-delete [network] [port]
// Node Device
nodedev-create [file] validate
nodedev-destroy [device]
nodedev-detach [device] [driver]
nodedev-dumpxml [device] xpath= wrap
nodedev-list tree [cap] inactive all
nodedev-reattach [device]
nodedev-reset [device]
nodedev-event [device] [event] loop [timeout] list timestamp
nodedev-define [file] validate
nodedev-undefine [device]
nodedev-start [device]
nodedev-autostart [device] disable
nodedev-info [device]
// Secret
secret-define [file] validate
secret-dumpxml [secret] xpath= wrap
secret-event [secret] [event] loop [timeout] list timestamp
secret-get-value [secret] plain
secret-list ephemeral no-ephemeral private no-private
secret-set-value [secret] file= plain interactive [base64]
secret-undefine [secret]
`);
