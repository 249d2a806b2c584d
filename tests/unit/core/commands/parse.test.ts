import { describe, expect, it } from 'vitest';
import { lineWords, parseLine, programName } from '../../../../src/core/commands/parse.js';

describe('parseLine, words', () => {
  it.each([
    ['a  b\tc\nd', ['a', 'b', 'c', 'd']],
    ['  lead and trail  ', ['lead', 'and', 'trail']],
    ['"a \\" b"', ['a " b']],
    ['"a \\\\ b"', ['a \\ b']],
    ["'a\\b'", ['a\\b']],
    ["'it''s'", ['its']],
    ['x"y z"w', ['xy zw']],
    ["a '' b", ['a', '', 'b']],
    ['""', ['']],
    ['a\\ b', ['a b']],
    ['a \\  b', ['a', ' ', 'b']],
    ["x --opt='a b'", ['x', '--opt=a b']],
    ['echo a\\;b', ['echo', 'a;b']],
    ['', []],
  ])('%j is %j', (line, words) => {
    expect(lineWords(line)).toEqual(words);
    expect(parseLine(line).operators).toEqual([]);
  });

  it('keeps variables as written instead of expanding them', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a template
    expect(lineWords('ls $HOME ${HOME}/x "$HOME" \'$HOME\'')).toEqual([
      'ls',
      '$HOME',
      '$HOME/x',
      '$HOME',
      '$HOME',
    ]);
  });

  it('keeps a glob as its pattern and reports it', () => {
    const p = parseLine('curl http://localhost:9200/_cluster/health?pretty');
    expect(p.words).toEqual(['curl', 'http://localhost:9200/_cluster/health?pretty']);
    expect(p.globs).toEqual(['http://localhost:9200/_cluster/health?pretty']);
    expect(p.operators).toEqual([]);
  });
});

describe('parseLine, shell constructs', () => {
  it.each([
    ['virsh list; rm -rf /', [';']],
    ['a | b', ['|']],
    ['a && b || c', ['&&', '||']],
    ['a > f', ['>']],
    ['a 2>&1', ['>&']],
    ['a &', ['&']],
    ['echo $(whoami)', ['(', ')', '$(']],
    ['echo "$(whoami)"', ['$(']],
    ['echo `id`', ['`']],
    ['echo "`id`"', ['`']],
    ['virsh list # note', ['#']],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a template
    ['echo ${}', ['${']],
  ])('%j reports %j', (line, ops) => {
    expect(parseLine(line).operators).toEqual(ops);
  });

  it('single quotes keep substitutions literal', () => {
    expect(parseLine("echo '$(id)' '`id`'")).toMatchObject({
      words: ['echo', '$(id)', '`id`'],
      operators: [],
    });
  });

  it('says where each operator stood, by words before it', () => {
    expect(parseLine('a b | c ; d').operatorAt).toEqual([2, 3]);
  });

  it('notices a quote left open', () => {
    expect(parseLine('echo "open').unclosedQuote).toBe(true);
    expect(parseLine('echo "closed"').unclosedQuote).toBe(false);
    expect(parseLine("echo 'it\"s'").unclosedQuote).toBe(false);
  });
});

describe('programName', () => {
  it('is the basename of a path', () => {
    expect(programName('./filebeat')).toBe('filebeat');
    expect(programName('/usr/share/logstash/bin/logstash')).toBe('logstash');
    expect(programName('virsh')).toBe('virsh');
  });
});
