import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchEngine } from '../drivers/launchEngine';
import type { Engine, Session, SessionOptions, Tab, WaitUntil } from '../drivers/types';
import { requireDist } from './requireDist';
import { serveHarness, type HarnessServer } from './serveHarness';

/** What a scenario file works with: the engine of this vitest project, its test server, and fresh visitors. */
export interface EngineFixture {
  engine: Engine;
  server: HarnessServer;
  /** A fresh visitor (a new profile) with one tab, closed after the test. */
  visitor(options?: SessionOptions): Promise<{ session: Session; tab: Tab }>;
  /** A fresh visitor's tab on `path`, after the SDK's first decision when `ready` (the default). */
  open(path: string, options?: SessionOptions & { ready?: boolean; waitUntil?: WaitUntil }): Promise<{ session: Session; tab: Tab }>;
}

/**
 * Launches this project's engine and the test server before the file's tests, closes every
 * visitor after each test and both after the last. `server` takes examples/serve.mjs options,
 * built lazily so they may use other servers started first.
 */
export function useEngine(server: () => Parameters<typeof serveHarness>[0] | Promise<Parameters<typeof serveHarness>[0]> = () => ({})): EngineFixture {
  const open: Session[] = [];
  const fixture = {} as EngineFixture;
  beforeAll(async () => {
    requireDist();
    [fixture.engine, fixture.server] = await Promise.all([launchEngine(), (async () => serveHarness(await server()))()]);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
    if (fixture.server) fixture.server.use = [];
  });
  afterAll(async () => {
    await fixture.engine?.close();
    await fixture.server?.close();
  });
  fixture.visitor = async (options) => {
    const session = await fixture.engine.newSession(options);
    open.push(session);
    return { session, tab: await session.newTab() };
  };
  fixture.open = async (path, options = {}) => {
    const visitor = await fixture.visitor(options);
    await visitor.tab.goto(`${fixture.server.url}${path}`, options.waitUntil);
    if (options.ready ?? true) await visitor.tab.evaluate(() => window.inkling!.ready);
    return visitor;
  };
  return fixture;
}
