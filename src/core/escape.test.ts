import { escapePromql, escapeSql } from './escape';

describe('escaping template variables', () => {
  it.each([
    ['plain', 'prod', 'prod'],
    ['quote and brace', 'prod"} or vector(1)', 'prod\\"} or vector(1)'],
    ['backslash at the end', 'a\\', 'a\\\\'],
    ['newline', 'a\nb', 'a\\nb'],
  ])('PromQL, %s', (_n, value, expected) => {
    expect(escapePromql(value)).toBe(expected);
  });

  it('PromQL multi-value: regex-escaped alternatives', () => {
    expect(escapePromql(['a.b', 'c|d', 'e"'])).toBe('a\\\\.b|c\\\\|d|e\\"');
    expect(escapePromql(['only'])).toBe('only');
    // A multi-value variable sits in `=~`: one selected value is a regex too, escaped like several.
    expect(escapePromql(['a.b'], { multi: true })).toBe('a\\\\.b');
    expect(escapePromql('prod.*', { multi: true })).toBe('prod\\\\.\\\\*');
    expect(escapePromql('a.b')).toBe('a.b');
  });

  it.each([
    ['plain', 'prod', "'prod'"],
    ['quote', "x'; DROP TABLE incidents; --", "'x''; DROP TABLE incidents; --'"],
    ['backslash (standard_conforming_strings)', "a\\'", "'a\\'''"],
    ['NUL removed', 'a\0b', "'ab'"],
  ])('SQL, %s', (_n, value, expected) => {
    expect(escapeSql(value)).toBe(expected);
  });

  it('SQL multi-value: a list of literals; an empty list matches nothing', () => {
    expect(escapeSql(['a', "b'c"])).toBe("'a','b''c'");
    expect(escapeSql([])).toBe('NULL');
  });
});
