import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../../src/report/comment.js';
import { escapeCsvCell, escapeHtml, escapeHtmlAttribute, escapeMarkdown, truncateText } from '../../../src/report/escape.js';

const ZWSP = '\u200B';

describe('escapeMarkdown', () => {
  it('keeps a table cell in its cell: pipes and line breaks', () => {
    const cell = escapeMarkdown('a|b\nc\r\nd\u2028e');
    expect(cell).toBe('a\\|b c d e');
    expect(cell).not.toMatch(/[\r\n]/);
    expect(cell.replace(/\\\|/g, '')).not.toContain('|');
  });

  it('turns HTML into text', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).not.toContain('<');
    expect(escapeMarkdown('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });

  it('neutralises links, images and autolinks', () => {
    const link = escapeMarkdown('[x](http://evil)');
    expect(link).toBe(`\\[x\\](http:${ZWSP}//evil)`);
    expect(escapeMarkdown('![x](https://evil/p.png)')).toContain('!\\[x\\]');
    expect(escapeMarkdown('see https://evil.example/x')).not.toContain('https://');
    expect(escapeMarkdown('www.evil.example')).toBe(`www${ZWSP}.evil.example`);
    expect(escapeMarkdown('<https://evil>')).not.toContain('<');
    expect(escapeMarkdown('ops@evil.example')).toBe(`ops@${ZWSP}evil.example`);
  });

  it('neutralises @mentions, team mentions and issue references', () => {
    expect(escapeMarkdown('@org/team')).toBe(`@${ZWSP}org/team`);
    expect(escapeMarkdown('cc @octocat')).toBe(`cc @${ZWSP}octocat`);
    expect(escapeMarkdown('fixes #123')).toBe(`fixes #${ZWSP}123`);
    expect(escapeMarkdown('tag #prod')).toBe('tag #prod');
  });

  it('escapes emphasis, code, strikethrough and math', () => {
    expect(escapeMarkdown('*bold* _it_ ~~x~~ `code` $x$ \\')).toBe('\\*bold\\* \\_it\\_ \\~\\~x\\~\\~ \\`code\\` \\$x\\$ \\\\');
  });

  it('makes a planted copy of our comment marker inert', () => {
    const escaped = escapeMarkdown(`vol-1 ${COMMENT_MARKER}`);
    expect(escaped).not.toContain(COMMENT_MARKER);
    expect(escaped).not.toContain('<!--');
  });

  it('drops bidi controls and turns other controls into spaces', () => {
    expect(escapeMarkdown('abc\u202Edcb\u2066x\u0000y\u0007')).toBe('abcdcbx y ');
  });

  it('renders any value as text', () => {
    expect(escapeMarkdown(null)).toBe('');
    expect(escapeMarkdown(42)).toBe('42');
    expect(escapeMarkdown({ a: '|' })).toBe('{"a":"\\|"}');
  });
});

describe('escapeHtml', () => {
  it('escapes text and attributes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeHtmlAttribute('a"\nb`')).toBe('a&quot;&#10;b&#96;');
    expect(escapeHtml(COMMENT_MARKER)).not.toContain('<!--');
  });
});

describe('escapeCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil","click")', `"'=HYPERLINK(""http://evil"",""click"")"`],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['  =1+1', "'  =1+1"],
    ['vol-0abc', 'vol-0abc'],
  ])('%j → %j', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });

  it('writes numbers and booleans as they are', () => {
    expect(escapeCsvCell(-12.5)).toBe('-12.5');
    expect(escapeCsvCell(true)).toBe('true');
    expect(escapeCsvCell(Number.NaN)).toBe('');
    expect(escapeCsvCell(null)).toBe('');
  });
});

describe('truncateText', () => {
  it('cuts by code points and never splits a surrogate pair', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('abc', 4)).toBe('abc');
    expect(truncateText('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});
