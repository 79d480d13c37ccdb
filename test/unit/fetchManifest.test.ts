import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchManifest } from '../../src/engine/fetchManifest';
import { demoManifest } from '../support/demoManifest';

const URL_ = 'http://shop.test/manifest.json';
const stub = (response: () => Promise<Response>) => vi.stubGlobal('fetch', vi.fn(response));

afterEach(() => vi.unstubAllGlobals());

/** A body streamed in `chunks`, counting the bytes the reader pulled. */
function streamed(chunks: () => Uint8Array | undefined) {
  const read = { bytes: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks();
      if (!chunk) return controller.close();
      read.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      read.cancelled = true;
    },
  });
  return { body, read };
}

describe('fetchManifest rejects bad responses with stable codes', () => {
  it.each([
    ['a 404', () => new Response('missing', { status: 404 }), 'manifest-fetch', 'HTTP 404'],
    ['a 500', () => new Response('oops', { status: 500 }), 'manifest-fetch', 'HTTP 500'],
    ['an HTML error page', () => new Response('<!doctype html><p>Error'), 'manifest-parse', 'is not JSON'],
    ['a NaN literal', () => new Response('{"inkling":1,"minEvidence":NaN}'), 'manifest-parse', 'is not JSON'],
    ['a number too large to be finite', () => new Response(JSON.stringify(demoManifest()).replace('"hysteresis":0', '"hysteresis":1e999')), 'manifest-invalid', 'hysteresis must be'],
    ['over 1 MB', () => new Response(JSON.stringify({ ...demoManifest(), pad: 'x'.repeat(1_000_001) })), 'manifest-too-large', 'larger than 1000000 bytes'],
    ['over 1 MB by its Content-Length', () => new Response('{}', { headers: { 'Content-Length': '5000000' } }), 'manifest-too-large', 'larger than'],
  ])('%s', async (_, response, code, says) => {
    stub(async () => response());
    const result = await fetchManifest(URL_);
    expect('notModified' in result || result.ok).toBe(false);
    if (!('notModified' in result) && !result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(says);
    }
  });

  it('a server that does not answer in time', async () => {
    stub((...args: unknown[]) => new Promise((_, reject) => (args[1] as RequestInit).signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const result = await fetchManifest(URL_, undefined, 50);
    expect(!('notModified' in result) && !result.ok && result.error.code).toBe('manifest-timeout');
  });
});

describe('fetchManifest reads the body in chunks', () => {
  it('stops reading (and cancels) a body without Content-Length once it passes 1 MB', async () => {
    const MiB = new Uint8Array(1 << 20).fill(0x20);
    let sent = 0;
    // 64 MiB of spaces, chunked: a server that does not say how long its answer is.
    const { body, read } = streamed(() => (sent++ < 64 ? MiB : undefined));
    stub(async () => new Response(body));
    const result = await fetchManifest(URL_);
    expect(!('notModified' in result) && !result.ok && result.error).toMatchObject({ code: 'manifest-too-large', message: expect.stringContaining('larger than 1000000 bytes') });
    expect(read.bytes).toBeLessThanOrEqual(2 * (1 << 20));
    await vi.waitFor(() => expect(read.cancelled).toBe(true));
  });

  it('joins one-byte chunks, which split every accented character, into the manifest', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(demoManifest({ id: 'café-été' })));
    let at = 0;
    const { body } = streamed(() => (at < bytes.length ? bytes.slice(at, (at += 1)) : undefined));
    stub(async () => new Response(body, { headers: { ETag: '"v1"' } }));
    expect(await fetchManifest(URL_)).toMatchObject({ ok: true, manifest: { id: 'café-été' }, etag: '"v1"' });
  });

  it.each([
    ['reads a response without a body stream whole', JSON.stringify(demoManifest()), { ok: true }],
    ['still caps a response without a body stream', JSON.stringify({ ...demoManifest(), pad: 'x'.repeat(1_000_001) }), { ok: false, error: { code: 'manifest-too-large' } }],
  ])('%s', async (_, text, expected) => {
    // As some polyfilled or synthetic Responses are: no `body`, only `arrayBuffer()`.
    stub(async () => Object.defineProperty(new Response(text), 'body', { value: null }));
    expect(await fetchManifest(URL_)).toMatchObject(expected);
  });
});
