// The tables for every program but virsh and qemu-img, gathered for the registry.
import type { CommandTable } from '../spec.js';
import { ansiblePlaybookTable, ansibleTable, openstackAnsibleTable } from './ansible.js';
import {
  ansibleDocTable,
  ansibleGalaxyTable,
  ansibleInventoryTable,
  ansibleVaultTable,
} from './ansible-tools.js';
import { awsTable } from './aws.js';
import { bridgeTable } from './bridge.js';
import { cloudInitTable } from './cloud-init.js';
import { curlTable } from './curl.js';
import { filebeatTable, logstashTable } from './elk.js';
import { cloudLocaldsTable, genisoimageTable } from './genisoimage.js';
import { grepTable } from './grep.js';
import { virtBuilderTable, virtCustomizeTable, virtSysprepTable } from './guestfs-tools.js';
import { lscpuTable, modprobeTable, sysctlTable, systemdDetectVirtTable } from './host-tools.js';
import { ipTable } from './ip.js';
import { iscsiadmTable } from './iscsiadm.js';
import { guestfishTable, guestmountTable, virtRescueTable } from './libguestfs.js';
import { virtAdminTable, virtHostValidateTable, virtViewerTable } from './libvirt-tools.js';
import { nmcliTable } from './nmcli.js';
import { openstackTable } from './openstack.js';
import { ovsVsctlTable } from './ovs-vsctl.js';
import { qemuSystemTable } from './qemu-system.js';
import { journalctlTable, systemctlTable } from './systemctl.js';
import { ethtoolTable, numactlTable, numastatTable } from './tuning-tools.js';
import { virtCloneTable, virtInstallTable, virtXmlTable } from './virt-manager.js';

export const OTHER_TABLES: readonly CommandTable[] = [
  virtInstallTable,
  virtCloneTable,
  virtXmlTable,
  virtSysprepTable,
  virtCustomizeTable,
  virtBuilderTable,
  guestfishTable,
  guestmountTable,
  virtRescueTable,
  iscsiadmTable,
  ipTable,
  bridgeTable,
  ovsVsctlTable,
  nmcliTable,
  grepTable,
  ansibleTable,
  ansiblePlaybookTable,
  openstackAnsibleTable,
  ansibleGalaxyTable,
  ansibleVaultTable,
  ansibleDocTable,
  ansibleInventoryTable,
  openstackTable,
  awsTable,
  systemctlTable,
  journalctlTable,
  genisoimageTable,
  cloudLocaldsTable,
  cloudInitTable,
  virtAdminTable,
  virtHostValidateTable,
  virtViewerTable,
  qemuSystemTable,
  sysctlTable,
  lscpuTable,
  systemdDetectVirtTable,
  modprobeTable,
  numactlTable,
  numastatTable,
  ethtoolTable,
  curlTable,
  filebeatTable,
  logstashTable,
];
