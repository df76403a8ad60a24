/**
 * The parsed expression as the model sees it: each Treebank word with its POS tag, marked
 * when it is in the object mask (t_mask) or the position mask (p_mask). Mask positions are
 * word index + 1 (DESIGN section 5: the +1 skips [CLS], with no re-alignment to WordPiece).
 */
import type { SegmentResult } from '../src/browser.js';

export function renderWords(target: HTMLElement, tokens: SegmentResult['tokens']): void {
  target.replaceChildren();
  const words = tokens.words ?? [];
  // No position phrase found: the reference uses the attention mask as p_mask (every word).
  const noPhrase = tokens.p_mask.every((v, i) => v === tokens.l_mask[i]);
  words.forEach((word, i) => {
    const span = document.createElement('span');
    span.className = 'word';
    span.textContent = word;
    const tag = tokens.tags?.[i];
    if (tag) span.dataset.tag = tag;
    span.title = [tag, tokens.t_mask[i + 1] ? 'object' : '', tokens.p_mask[i + 1] && !noPhrase ? 'position' : ''].filter(Boolean).join(', ');
    if (tokens.t_mask[i + 1]) span.classList.add('object');
    if (tokens.p_mask[i + 1] && !noPhrase) span.classList.add('position');
    target.append(span, ' ');
  });
  const notes: string[] = [];
  if (!tokens.t_mask.some((v) => v)) notes.push('no object category found: the object mask is empty');
  if (noPhrase) notes.push('no position phrase found: the position mask is the whole sentence');
  if (notes.length) {
    const note = document.createElement('small');
    note.className = 'note';
    note.textContent = `(${notes.join('; ')})`;
    target.append(note);
  }
}
