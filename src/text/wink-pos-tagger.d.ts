// The part of wink-pos-tagger (CommonJS, no bundled types) that pos-tagger.ts uses.
declare module 'wink-pos-tagger' {
  interface TaggedToken {
    value: string;
    /** Penn Treebank tag */
    pos: string;
  }
  class PosTagger {
    tagRawTokens(tokens: string[]): TaggedToken[];
    /** word -> its possible tags, most frequent first */
    updateLexicon(lexicon: Record<string, string[]>): void;
  }
  export default PosTagger;
}
