import { parseJsonArray, readLinks, safeHttpUrl } from './links';

describe('safeHttpUrl', () => {
  it.each([
    ['https://grafana.example.com/d/x?a=1', 'https://grafana.example.com/d/x?a=1'],
    ['  http://example.com ', 'http://example.com/'],
    ['HTTPS://EXAMPLE.com/a', 'https://example.com/a'],
  ])('accepts %j', (url, expected) => {
    expect(safeHttpUrl(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com',
    '/d/relative',
    'ftp://example.com',
    'https://',
    'http:// example.com',
    '',
    42,
    null,
    undefined,
  ])('refuses %j', (url) => {
    expect(safeHttpUrl(url)).toBeUndefined();
  });
});

describe('readLinks', () => {
  it('keeps http(s) links and lists the others as refused, from an array or JSON text', () => {
    const raw = [
      { title: 'Runbook', url: 'https://runbooks.example.com' },
      { title: 'Evil', url: 'javascript:alert(1)' },
      { url: 'https://no-title.example.com/' },
      'not an object',
    ];
    for (const input of [raw, JSON.stringify(raw)]) {
      const { links, refused } = readLinks(input);
      expect(links).toEqual([
        { title: 'Runbook', url: 'https://runbooks.example.com/' },
        { title: 'https://no-title.example.com/', url: 'https://no-title.example.com/' },
      ]);
      expect(refused.map((r) => r.title)).toEqual(['Evil', 'Untitled link']);
    }
  });

  it('reads nothing from anything else', () => {
    expect(readLinks(undefined)).toEqual({ links: [], refused: [] });
    expect(readLinks('{not json')).toEqual({ links: [], refused: [] });
    expect(parseJsonArray('{"a":1}')).toBeUndefined();
  });
});
