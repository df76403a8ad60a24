// A strict TypeScript web app using the installed package's browser entry.
import { loadModel, readImage, type LoadModelOptions, type LoadProgress } from 'fianet-webgpu/browser';

export async function segmentFile(file: File, text: string): Promise<Uint8Array> {
  const model = await loadModel({ weights: 'demo.safetensors', vocab: 'vocab.txt', onProgress: (p: LoadProgress) => void p });
  try {
    return (await model.segment({ image: await readImage(file), text })).mask;
  } finally {
    model.destroy();
  }
}

// @ts-expect-error weights are a URL, a File/Blob or bytes, not a number
export const wrongWeights: LoadModelOptions = { weights: 42 };
