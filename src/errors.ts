/**
 * The one error type of the engine. Messages say what failed, where (file, tensor, module),
 * what was expected and what was found, and when possible what to do about it.
 * `code` lets callers (the CLI, tests) tell kinds apart without parsing text.
 */
export type FianetErrorCode =
  | 'bad-input' // user data: files, images, text, arguments
  | 'bad-weights' // checkpoint contents: missing tensors, wrong shapes, bad dtypes
  | 'bad-graph' // a model graph that cannot be built (a shape mismatch between modules)
  | 'no-device' // no usable WebGPU adapter/device
  | 'device-error'; // the GPU reported an error or the device was lost

export class FianetError extends Error {
  constructor(
    readonly code: FianetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FianetError';
  }
}
