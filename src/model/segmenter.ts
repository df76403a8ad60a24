/**
 * The library's face: a model loaded once on a device, called many times.
 * `segment` takes a decoded image of any size and a referring expression (or tokens made
 * elsewhere, e.g. a dataset's own preprocessing) and returns the mask at the model's input
 * size S x S (1 = referred object), optionally the logits, and per-phase timings.
 */
import type { RgbImage } from '../io/image-types.js';
import type { AdapterDescription } from '../runtime/device.js';
import type { FianetConfig } from './config.js';
import type { WeightDtype } from '../runtime/graph.js';

/** Token ids and the three 0/1 masks of DESIGN section 5, each of length max_tokens. */
export interface ExpressionTokens {
  input_ids: number[];
  l_mask: number[];
  t_mask: number[];
  p_mask: number[];
}

/**
 * An expression already run through the text encoder (`Segmenter.encodeText`): pass it as
 * `encoded` to segment many images with one expression without running BERT again. Opaque; only
 * the model that made it accepts it.
 */
export interface EncodedText {
  readonly tokens: ExpressionTokens & { words?: string[]; tags?: string[] };
  /** The parser's warnings, given once here (segment calls with the handle repeat none). */
  readonly warnings: readonly string[];
  /** Milliseconds the text encoder took. */
  readonly ms: number;
}

export interface SegmentInput {
  image: RgbImage;
  /** The referring expression; parsed with the model's dataset categories. */
  text?: string;
  /** Bypasses the parser (takes precedence over text). */
  tokens?: ExpressionTokens;
  /** An expression already encoded by this model's encodeText (takes precedence over tokens and text): BERT does not run again. */
  encoded?: EncodedText;
}

export interface SegmentResult {
  /** S x S, 1 = referred object (argmax of the logits, ties to background). */
  mask: Uint8Array;
  size: number;
  /** 2 x S x S logits, when asked for. */
  logits?: Float32Array;
  tokens: ExpressionTokens & { words?: string[]; tags?: string[] };
  /** Milliseconds per phase: preprocess, text, vision, decode (and total). */
  timings: Record<string, number>;
  warnings: string[];
}

export interface Segmenter {
  readonly config: FianetConfig;
  readonly adapter: AdapterDescription;
  /** How the device holds the weights: weightsDtype and the bytes uploaded (both graphs). */
  readonly weights: { dtype: WeightDtype; bytes: number };
  /** Calls at once are run one after another (in call order) and give the same results as sequential calls. */
  segment(input: SegmentInput, options?: { logits?: boolean }): Promise<SegmentResult>;
  /** Runs the text encoder once for an expression (or tokens); segment({ image, encoded }) then runs only the image part. */
  encodeText(text: string | ExpressionTokens): Promise<EncodedText>;
  /**
   * Frees every GPU buffer the model holds (and the device, when the loader opened it) once the
   * call in flight has finished; queued and later calls reject with "the model was destroyed".
   */
  destroy(): Promise<void>;
}
