// genisoimage(1), cdrkit 1.1.11 (Debian 12; mkisofs is the name it also answers to), written
// from the man page (not installed here). Options are single-dash words, many with a one-letter
// twin (`-o` = `-output`, `-V` = `-volid`, `-J` = `-joliet`, `-R` = `-rock`); `-r`
// (rationalized Rock Ridge) is a different option from `-R`. Letters are not combined here.
import type { CommandTable } from '../spec.js';
import { arg, args, flags } from './option-shorthand.js';

export const genisoimageTable: CommandTable = {
  programs: ['genisoimage', 'mkisofs'],
  spec: {
    source: 'genisoimage(1), cdrkit 1.1.11 (from the man page; not installed here)',
    combineShort: false,
    options: [
      arg('-o -output'),
      arg('-V -volid'),
      ...flags('-J -joliet', '-joliet-long', '-R -rock', '-r -rational-rock'),
      arg('-A -appid'),
      arg('-p -preparer'),
      arg('-P -publisher'),
      ...args('-sysid', '-volset', '-volset-size', '-volset-seqno', '-abstract', '-biblio'),
      ...args('-copyright', '-input-charset', '-output-charset', '-jcharset', '-iso-level'),
      arg('-b -eltorito-boot'),
      arg('-c -eltorito-catalog'),
      arg('-boot-load-seg'),
      arg('-boot-load-size'),
      ...flags('-eltorito-alt-boot', '-no-emul-boot', '-hard-disk-boot', '-no-boot'),
      ...flags('-boot-info-table', '-cache-inodes', '-no-cache-inodes', '-check-oldnames'),
      arg('-C -cdrecord-params'),
      arg('-M -prev-session'),
      ...flags('-d -omit-period', '-D -disable-deep-relocation', '-f -follow-links'),
      ...flags('-l -full-iso9660-filenames', '-max-iso9660-filenames', '-allow-lowercase'),
      ...flags('-allow-multidot', '-allow-leading-dots -ldots', '-relaxed-filenames'),
      ...flags('-N -omit-version-number', '-U -untranslated-filenames', '-no-iso-translate'),
      ...flags('-T -translation-table', '-udf', '-dvd-video', '-pad', '-no-pad', '-quiet'),
      ...flags('-graft-points', '-print-size', '-no-rr', '-force-rr', '-hide-rr-moved'),
      ...flags('-nobak -no-bak', '-split-output', '-z -transparent-compression'),
      ...flags('-v -verbose', '-help', '-version', '-allow-limited-size'),
      ...args('-dir-mode', '-file-mode', '-new-dir-mode', '-uid', '-gid', '-log-file', '-root'),
      ...args('-old-root', '-sort', '-table-name', '-path-list', '-exclude-list'),
      arg('-m -x -exclude', { repeat: true }),
      arg('-hide', { repeat: true }),
      arg('-hide-joliet', { repeat: true }),
      arg('-hidden', { repeat: true }),
    ],
  },
};

// cloud-localds(1), cloud-image-utils 0.33 (Debian 12), written from its usage text (not
// installed here): `cloud-localds [options] output user-data [meta-data]`.
export const cloudLocaldsTable: CommandTable = {
  programs: ['cloud-localds'],
  spec: {
    source: 'cloud-localds(1), cloud-image-utils 0.33 (from its usage; not installed here)',
    options: [
      arg('-d --disk-format', { default: 'raw' }),
      arg('-f --filesystem', { default: 'iso9660' }),
      arg('-H --hostname'),
      arg('-i --interfaces'),
      arg('-N --network-config'),
      arg('-m --dsmode'),
      arg('-V --vendor-data'),
      ...flags('-v --verbose', '-h --help'),
    ],
  },
};
