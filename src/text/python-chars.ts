/**
 * Character classes as Python 3 defines them. The reference's text code (HF BertTokenizer,
 * NLTK) relies on str.isspace / str.split() and on `re`'s Unicode \s, \w, \d, \b; the
 * JavaScript classes differ: JS \s includes U+FEFF but not U+001C-U+001F or U+0085, and
 * JS \w, \d and \b are ASCII-only even with the `u` flag.
 */

/** Python str.isspace() (and re's Unicode \s), as a character-class body. */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** re's Unicode \w (letters, numbers, underscore), as a character-class body (needs the `u` flag). */
export const PY_WORD = '\\p{L}\\p{N}_';

const spaceRun = new RegExp(`[${PY_SPACE}]+`, 'u');
const spaceOnly = new RegExp(`^[${PY_SPACE}]*$`, 'u');

/** Python `text.split()`: split on runs of whitespace, no empty pieces. */
export function pySplit(text: string): string[] {
  return text.split(spaceRun).filter((piece) => piece !== '');
}

/** Python `not text.strip()`. */
export function pyIsBlank(text: string): boolean {
  return spaceOnly.test(text);
}
