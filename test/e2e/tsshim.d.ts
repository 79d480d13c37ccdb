// Types for the example server (plain JavaScript) and the script tag's global, as the tests use them.
declare module '*/examples/serve.mjs' {
  export function serve(options?: {
    port?: number;
    headers?: (url: URL) => Record<string, string>;
    routes?: Record<string, unknown>;
    html?: (body: string, url: URL) => string;
    onRequest?: (request: import('node:http').IncomingMessage, url: URL) => void;
  }): Promise<{ url: string; close(): Promise<void> }>;
}

declare module '*/size.mjs' {
  export const ENTRIES: { name: string; files: string[]; budget: number }[];
  export function measure(files: string[]): { min: number; gzip: number; brotli: number };
}

declare module '*/sizeByModule.mjs' {
  type Group = { name: string; min: number; gzip: number };
  export function sizeByModule(file: string): { total: number; modules: Group[]; folders: Group[] };
}
