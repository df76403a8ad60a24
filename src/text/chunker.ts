/**
 * The chunking step of NLTK's RegexpParser, enough for the reference's one-label grammar.
 * NLTK writes the tags as a string "<DT><NN><IN>...", turns each tag pattern into a regex
 * over that string and, rule after rule, wraps the matches found outside existing chunks in
 * braces. Doing the same here keeps Python's leftmost, greedy, backtracking match semantics
 * (which JavaScript regexes share) instead of re-deriving them.
 */

/** The reference's position-phrase grammar (data/rrsisd_refer_bert.py), rules in order. */
export const PP_GRAMMAR: readonly string[] = ['<IN><DT>?<JJ.*>?<NN>', '<IN><DT>?<JJ.*>?<JJ>', '<IN><DT>?<JJ.*><VBD>'];

/** A chunk: words [start, end). */
export interface Span {
  start: number;
  end: number;
}

// nltk.chunk.regexp.tag_pattern2re_pattern: `<X>` is one whole tag; `.` stays inside a tag.
function ruleRegExp(tagPattern: string): RegExp {
  const body = tagPattern
    .replace(/\s/g, '')
    .replace(/</g, '(?:<(?:')
    .replace(/>/g, ')>)')
    .replace(/(?<!\\)\./g, '[^{}<>]');
  // ChunkRule: the match must lie outside a chunk (the next brace is an opening one, or none)
  return new RegExp(`${body}(?=[^}]*(?:\\{|$))`, 'g');
}

/** Chunks of a tag sequence, left to right, as NLTK's tree.subtrees() lists them. */
export function chunk(tags: readonly string[], grammar: readonly string[] = PP_GRAMMAR): Span[] {
  let text = tags.map((t) => `<${t}>`).join('');
  for (const rule of grammar) text = text.replace(ruleRegExp(rule), '{$&}');
  const spans: Span[] = [];
  let word = 0;
  let start = -1;
  for (const ch of text) {
    if (ch === '<') word += 1;
    else if (ch === '{') start = word;
    else if (ch === '}') spans.push({ start, end: word });
  }
  return spans;
}
