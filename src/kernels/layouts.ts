/**
 * Sizes every data layout of the uniform-window kernels is built on, in one place. Both are
 * what every WebGPU adapter guarantees (the default maxUniformBufferBindingSize and
 * maxStorageBufferBindingSize), so a layout never depends on the adapter it was built for.
 */

/** Floats in one 64 KiB uniform window: the largest uniform binding every adapter allows (llvmpipe's limit too). */
export const UNIFORM_WINDOW_FLOATS = 16384;

/** Bytes of a storage binding written one window at a time: 128 MiB, the default maxStorageBufferBindingSize. */
export const STORAGE_WINDOW_BYTES = 128 * 2 ** 20;
