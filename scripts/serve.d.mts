// Types of scripts/serve.mjs for the TypeScript tests that start it.
export declare const DEFAULT_MOUNTS: Record<string, string>;
export declare function startServer(options?: { port?: number; host?: string; mounts?: Record<string, string> }): Promise<{ url: string; close(): Promise<void> }>;
