// The text path's public API (browser-safe: no Node imports under src/text).
export { DATASETS, datasetText, type DatasetName, type DatasetText } from './categories.js';
export { chunk, PP_GRAMMAR, type Span } from './chunker.js';
export { encodeExpression, type EncodedExpression, type EncodeOptions } from './encode-expression.js';
export { objectMask, positionMask, type ObjectMask, type PositionMask } from './masks.js';
export { tagWords, type PosTagger } from './pos-tagger.js';
export { wordTokenize } from './treebank.js';
export { parseVocab, type Vocab } from './vocab.js';
export { bertEncode, bertTokenize, type BertEncoding } from './wordpiece.js';
