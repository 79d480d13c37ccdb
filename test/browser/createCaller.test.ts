import { afterEach, describe, expect, it } from 'vitest';
import { createCaller } from '../../src/lib/createCaller';
import { serveCalls } from '../../src/lib/serveCalls';

// The engine's calls cross a real MessageChannel (in-thread) or a real Worker: both are tested here.
interface Api {
  add(a: number, b: number): Promise<number>;
  wait(ms: number, label: string): Promise<string>;
  fail(): Promise<void>;
  giveFunction(): Promise<unknown>;
  echo(value: unknown): Promise<unknown>;
}
const NAMES = ['add', 'wait', 'fail', 'giveFunction', 'echo'] as const;
const api: Api = {
  add: async (a, b) => a + b,
  wait: (ms, label) => new Promise((resolve) => setTimeout(() => resolve(label), ms)),
  fail: async () => {
    throw new TypeError('the profile is gone');
  },
  giveFunction: async () => () => 1,
  echo: async (value) => value,
};

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));
function connect<T = Api>(names: readonly string[] = NAMES) {
  const channel = new MessageChannel();
  channels.push(channel);
  serveCalls(api, channel.port1);
  return { remote: createCaller<T>(channel.port2, names as (keyof T & string)[]), channel };
}

describe('createCaller and serveCalls in Chromium', () => {
  it('answers each call with its own value, structured-cloned', async () => {
    const { remote } = connect();
    expect(await remote.add(2, 3)).toBe(5);
    const sent = { when: new Date(0), list: [1, { deep: true }] };
    const back = await remote.echo(sent);
    expect(back).toEqual(sent);
    expect(back).not.toBe(sent);
  });

  it('runs calls side by side and matches answers to calls, whatever order they come back in', async () => {
    const { remote } = connect();
    const order: string[] = [];
    const slow = remote.wait(80, 'slow').then((v) => order.push(v));
    const fast = remote.wait(5, 'fast').then((v) => order.push(v));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('rejects with the message of a throw on the other side, and keeps answering', async () => {
    const { remote } = connect();
    await expect(remote.fail()).rejects.toThrow('the profile is gone');
    expect(await remote.add(1, 1)).toBe(2);
  });

  it('rejects, instead of hanging, when an answer or an argument cannot be cloned', async () => {
    const { remote } = connect();
    await expect(remote.giveFunction()).rejects.toThrow(/could not be cloned/);
    await expect(remote.echo(() => 1)).rejects.toThrow(/could not be cloned/);
    expect(await remote.add(2, 2)).toBe(4);
  });

  it('refuses names the API does not own, such as those of Object.prototype', async () => {
    const { remote } = connect<{ toString(): Promise<string>; missing(): Promise<void> }>(['toString', 'missing']);
    await expect(remote.toString()).rejects.toThrow('there is no call "toString"');
    await expect(remote.missing()).rejects.toThrow('there is no call "missing"');
  });

  it('ignores messages that are not calls or answers, on both sides', async () => {
    const { remote, channel } = connect();
    // What a worker announces outside the protocol, and stray messages with ids of the wrong kind.
    channel.port2.postMessage('inkling:ready');
    channel.port2.postMessage({ id: 'x', call: 'add', args: [1, 2] });
    channel.port1.postMessage('inkling:ready');
    channel.port1.postMessage({ id: 999, value: 'not asked for' });
    expect(await remote.add(20, 22)).toBe(42);
  });

  it('works across a real Worker that serves the calls', async () => {
    const worker = new Worker(new URL('./servingWorker.ts', import.meta.url), { type: 'module' });
    await new Promise((resolve) => worker.addEventListener('message', resolve, { once: true }));
    const remote = createCaller<{ double(n: number): Promise<number>; fail(): Promise<void> }>(worker, ['double', 'fail']);
    expect(await Promise.all([remote.double(2), remote.double(21)])).toEqual([4, 42]);
    await expect(remote.fail()).rejects.toThrow('no IndexedDB here');
    worker.terminate();
  });

  describe('with silentMs, across a real Worker', () => {
    type Served = { double(n: number): Promise<number>; wait(ms: number): Promise<number>; die(): Promise<void> };
    async function serving() {
      const worker = new Worker(new URL('./servingWorker.ts', import.meta.url), { type: 'module' });
      await new Promise((resolve) => worker.addEventListener('message', resolve, { once: true }));
      const lost: Error[] = [];
      const remote = createCaller<Served>(worker, ['double', 'wait', 'die'], 100, (e) => lost.push(e));
      return { worker, remote, lost };
    }

    it('waits out a call that takes ten times silentMs on a live worker, which answers its probes', async () => {
      const { worker, remote, lost } = await serving();
      expect(await remote.wait(1000)).toBe(1000);
      expect(lost).toEqual([]);
      expect(await remote.double(4)).toBe(8);
      worker.terminate();
    });

    it('does not take a worker for dead when the page itself was held up by long tasks', async () => {
      const { worker, remote, lost } = await serving();
      const answer = remote.wait(1500);
      // Right after the first probe goes out, the page's own thread is busy for four silentMs, three
      // times: the worker's answer and the next check both wait (a timed-out call would fail here).
      for (let at = 100; at <= 700; at += 300)
        setTimeout(() => {
          const until = performance.now() + 400;
          while (performance.now() < until);
        }, at);
      expect(await answer).toBe(1500);
      expect(lost).toEqual([]);
      worker.terminate();
    });

    it('rejects the calls a worker that died left waiting, and every later call at once, and says so once', async () => {
      const { worker, remote, lost } = await serving();
      const slow = remote.wait(60_000);
      const dying = remote.die();
      await expect(dying).rejects.toThrow('the engine stopped answering (nothing for 100 ms, not even to a probe)');
      await expect(slow).rejects.toThrow('stopped answering');
      await expect(remote.double(1)).rejects.toThrow('stopped answering');
      expect(lost.map((e) => e.message)).toEqual(['the engine stopped answering (nothing for 100 ms, not even to a probe)']);
      worker.terminate();
    });
  });
});
