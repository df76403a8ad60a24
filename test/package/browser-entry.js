// What a web app's bundler sees: the browser entry, bundled by esbuild for the browser platform.
import { loadModel, readImage } from 'fianet-webgpu/browser';

globalThis.fianet = { loadModel, readImage };
