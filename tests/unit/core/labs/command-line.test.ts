import { describe, expect, it } from 'vitest';
import {
  allowedPrograms,
  argumentRefusal,
  argvRefusal,
  sizeBytes,
  splitVirsh,
} from '../../../../src/core/labs/argv-rules.js';
import { LAB_MAX_INPUT, lexCommand } from '../../../../src/core/labs/command-line.js';
import { lineRefusal } from '../../../../src/core/labs/spec-rules.js';

const argv = (line: string) => {
  const r = lexCommand(line);
  if (!r.ok) throw new Error(r.reason);
  return r.argv;
};
const reason = (line: string) => {
  const r = lexCommand(line);
  return r.ok ? null : r.reason;
};

describe('lexCommand', () => {
  it('splits words as a shell would, quotes and escapes removed', () => {
    expect(argv(`virsh desc test 'a web; server' "it's \\"x\\"" a\\ b --opt=v`)).toEqual([
      'virsh',
      'desc',
      'test',
      'a web; server',
      'it\'s "x"',
      'a b',
      '--opt=v',
    ]);
    expect(argv("qemu-img create -f qcow2 '' 1M")).toEqual([
      'qemu-img',
      'create',
      '-f',
      'qcow2',
      '',
      '1M',
    ]);
    expect(argv("virsh echo '$(x)' 'a*b'")).toEqual(['virsh', 'echo', '$(x)', 'a*b']);
  });

  it.each([
    ['virsh list; rm -rf ~', /shell operator ';'/],
    ['virsh list && rm -rf ~', /shell operator '&'/],
    ['virsh list | sh', /shell operator '\|'/],
    ['virsh dumpxml test > /etc/x', /shell operator '>'/],
    ['virsh define < x.xml', /shell operator '<'/],
    ['virsh list $(touch /tmp/x)', /'\$' would be a shell expansion/],
    ['virsh list "$(touch /tmp/x)"', /'\$' would be a shell expansion/],
    ['virsh list `touch /tmp/x`', /'`' would be a shell expansion/],
    ['virsh list $HOME', /'\$'/],
    ['qemu-img info *.qcow2', /'\*' is a shell wildcard/],
    ['qemu-img info disk?.qcow2', /'\?' is a shell wildcard/],
    ['qemu-img info [ab].qcow2', /'\[' is a shell wildcard/],
    ['qemu-img info {a,b}.qcow2', /brace list/],
    ['virsh list # all', /comment/],
    ['virsh list\nrm -rf ~', /one line/],
    ['virsh list \u001b[2J', /one line/],
    ["virsh desc test 'open", /unclosed ' quote/],
    ['virsh list \\', /lone backslash/],
    ['   ', /type a command/],
  ])('refuses %j', (line, why) => {
    expect(reason(line)).toMatch(why);
  });

  it('refuses a line over 4 KB, counted in bytes', () => {
    expect(reason(`virsh desc test ${'a'.repeat(LAB_MAX_INPUT)}`)).toMatch(/over 4096 bytes/);
    expect(reason(`virsh desc test ${'é'.repeat(LAB_MAX_INPUT / 2)}`)).toMatch(/over 4096 bytes/);
    expect(reason(`virsh desc test ${'a'.repeat(1024 * 1024)}`)).toMatch(/over 4096 bytes/);
    expect(reason(`virsh desc test ${'a'.repeat(100)}`)).toBeNull();
  });
});

describe('argument rules', () => {
  it.each([
    ['/etc/passwd', /an absolute path/],
    ['../x.qcow2', /'\.\.'/],
    ['images/../../x', /'\.\.'/],
    ['~/x', /home directory/],
    ['~root', /home directory/],
    ['backing_file=/etc/passwd', /absolute path/],
    ['backing_file=base.qcow2,size=1M,x=/etc/shadow', /absolute path/],
    ['--file=../x', /'\.\.'/],
    ['nbd:localhost:10809', /protocol \(nbd:\)/],
    ['http://example.invalid/x.img', /protocol \(http:\)/],
    ['json:{"file.filename":"/etc/passwd"}', /protocol \(json:\)/],
    ['driver=qcow2,file.filename=ssh://h/x', /protocol \(ssh:\)/],
  ])('refuses %j', (arg, why) => {
    expect(argumentRefusal(arg)).toMatch(why);
  });

  it.each([
    'base.qcow2',
    'images/a.img',
    '64M',
    'backing_file=base.qcow2,backing_fmt=qcow2',
    '52:54:00:aa:bb:cc',
    '--config',
    'x..y',
    "<host mac='52:54:00:00:00:01'/>",
  ])('lets %j through', (arg) => {
    expect(argumentRefusal(arg)).toBeNull();
  });

  it('allows only the programs of the line', () => {
    expect(allowedPrograms('virsh-test', 'check')).toEqual(['virsh']);
    expect(allowedPrograms('qemu-img', 'learner')).toEqual(['qemu-img']);
    expect(allowedPrograms('qemu-img', 'setup')).toEqual([
      'qemu-img',
      'ls',
      'stat',
      'cat',
      'du',
      'sha256sum',
    ]);
    expect(lineRefusal('rm -rf x', 'qemu-img', 'setup')).toMatch(/'rm' is not run here/);
    expect(lineRefusal('/usr/bin/virsh list', 'virsh-test', 'learner')).toMatch(
      /'\/usr\/bin\/virsh' is not run/,
    );
    expect(lineRefusal('sha256sum a.img', 'qemu-img', 'learner')).toMatch(/is not run here/);
    expect(lineRefusal('sha256sum a.img', 'qemu-img', 'check')).toBeNull();
    expect(argvRefusal(['qemu-img', 'info', 'x'], 'virsh-test', ['virsh', 'qemu-img'])).toMatch(
      /not run in a virsh-test lab/,
    );
  });

  it('refuses to preallocate more than 1 GiB, and lets sparse sizes through', () => {
    expect(sizeBytes('64M')).toBe(64 * 1024 ** 2);
    expect(sizeBytes('+1G')).toBe(1024 ** 3);
    expect(sizeBytes('1048576')).toBe(1048576);
    expect(sizeBytes('top.qcow2')).toBeNull();
    const line = (l: string) => lineRefusal(l, 'qemu-img', 'learner');
    expect(line('qemu-img create -f raw -o preallocation=full big.img 100G')).toMatch(
      /preallocating 100G is not run/,
    );
    expect(line('qemu-img resize --preallocation=falloc disk.raw +2G')).toMatch(
      /preallocating \+2G/,
    );
    expect(line('qemu-img create -f raw -o preallocation=full small.img 64M')).toBeNull();
    expect(line('qemu-img create -f qcow2 -o preallocation=metadata big.qcow2 100G')).toBeNull();
    expect(line('qemu-img create -f qcow2 big.qcow2 100T')).toBeNull();
  });

  it('lets virsh connect only to the test driver', () => {
    expect(splitVirsh(argv('virsh -c test:///default list'))).toEqual({
      flags: [],
      command: ['list'],
    });
    expect(splitVirsh(argv('virsh --connect=test:///default -q -r list --all'))).toEqual({
      flags: ['-q', '-r'],
      command: ['list', '--all'],
    });
    expect(splitVirsh(argv('virsh -c qemu:///system list'))).toMatch(/only to test:\/\/\/default/);
    expect(splitVirsh(argv('virsh --connect qemu+ssh://h/system list'))).toMatch(/not 'qemu\+ssh/);
    expect(splitVirsh(argv('virsh -cqemu:///system list'))).toMatch(/not 'qemu:\/\/\/system'/);
    expect(splitVirsh(argv('virsh -l log.txt list'))).toMatch(/option '-l' is not used/);
    expect(splitVirsh(argv('virsh'))).toMatch(/type a virsh command/);
    for (const cmd of [
      'connect qemu:///system',
      'edit test',
      'net-edit default',
      'cd images',
      'console test',
    ])
      expect(splitVirsh(argv(`virsh ${cmd}`))).toMatch(/not available in labs/);
  });
});
