import { sqlCode } from './sqlText';

describe('sqlCode: the code of a SQL text, comments and literals blanked', () => {
  it.each([
    ['plain code stays', 'SELECT a FROM t;', 'SELECT a FROM t;'],
    ['a line comment', 'SELECT 1 -- from t;\nFROM u', 'SELECT 1           \nFROM u'],
    ['a block comment, nested', 'SELECT /* a /* ; */ b */ 1', 'SELECT                   1'],
    ['a string with a doubled quote', "SELECT 'it''s; from' AS x", 'SELECT               AS x'],
    ['an E string with a backslash escape', "SELECT E'a\\'; from' AS x", 'SELECT              AS x'],
    ['a dollar quote with a tag', 'SELECT $q$ ; from $q$, 1', 'SELECT               , 1'],
    ['an empty-tag dollar quote', 'SELECT $$;$$', 'SELECT      '],
    ['a quoted identifier', 'SELECT "from;" FROM t', 'SELECT         FROM t'],
    [
      "Grafana's macros and variables are code",
      'WHERE t >= $__timeFrom() AND e = $env',
      'WHERE t >= $__timeFrom() AND e = $env',
    ],
    ['an identifier ending in e before a string is no E string', "WHERE name='x;'", 'WHERE name=    '],
    ['an unclosed string runs to the end', "SELECT 'abc; from", 'SELECT           '],
    [
      '$ continues an identifier: a$$ is no dollar quote',
      'SELECT v AS a$$$ FROM t; SELECT 1 AS b$$',
      'SELECT v AS a$$$ FROM t; SELECT 1 AS b$$',
    ],
    [
      'a non-ASCII identifier before $$ is no dollar quote',
      'SELECT v AS é$$ FROM t; SELECT 1',
      'SELECT v AS é$$ FROM t; SELECT 1',
    ],
    ['a non-ASCII dollar-quote tag', 'SELECT $é$ ; $é$ AS a', 'SELECT           AS a'],
  ])('%s', (_, sql, code) => {
    expect(sqlCode(sql)).toBe(code);
    expect(sqlCode(sql)).toHaveLength(sql.length);
  });
});
