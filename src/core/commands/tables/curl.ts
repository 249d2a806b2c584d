// curl(1), curl 7.88.1 (Debian 12), read from `curl --help all`: the options a learner uses to
// query a REST API (Elasticsearch, OpenStack). Short flags combine (`-sS`); long options take the
// next word as their value. The man page says the request method defaults to GET.
import type { CommandTable } from '../spec.js';
import { arg, flag, flags } from './option-shorthand.js';

export const curlTable: CommandTable = {
  programs: ['curl'],
  spec: {
    source: 'curl(1), curl 7.88.1',
    options: [
      arg('-X --request', { default: 'GET' }),
      arg('-H --header', { repeat: true }),
      arg('-d --data', { repeat: true, ordered: true }),
      arg('--data-binary', { repeat: true, ordered: true }),
      arg('--data-raw', { repeat: true, ordered: true }),
      arg('--data-urlencode', { repeat: true, ordered: true }),
      arg('--json', { repeat: true, ordered: true }),
      arg('-F --form', { repeat: true, ordered: true }),
      arg('-o --output', { repeat: true, ordered: true }),
      flag('-O --remote-name', { repeat: true }),
      ...flags('-L --location', '-s --silent', '-S --show-error', '-f --fail', '--fail-with-body'),
      ...flags('-i --include', '-I --head', '-k --insecure', '-G --get', '-n --netrc'),
      flag('-v --verbose'),
      ...flags('-J --remote-header-name', '-Z --parallel', '-# --progress-bar', '--compressed'),
      ...flags('-4 --ipv4', '-6 --ipv6', '--http1.1', '--http2', '--no-progress-meter'),
      ...flags('--create-dirs', '-h --help', '-V --version'),
      arg('-u --user'),
      arg('-T --upload-file'),
      arg('-A --user-agent'),
      arg('-b --cookie'),
      arg('-c --cookie-jar'),
      arg('-x --proxy'),
      arg('--cacert'),
      arg('-E --cert'),
      arg('--key'),
      arg('-w --write-out'),
      arg('-m --max-time'),
      arg('--connect-timeout'),
      arg('--retry'),
      arg('-C --continue-at'),
      arg('-e --referer'),
      arg('-r --range'),
      arg('--url', { repeat: true, ordered: true }),
      arg('--resolve', { repeat: true }),
      arg('--unix-socket'),
    ],
  },
};
