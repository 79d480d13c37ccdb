// A module worker for createCaller.test.ts: serves a small API with the real serveCalls.
import { serveCalls } from '../../src/lib/serveCalls';

serveCalls(
  {
    double: async (n: number) => n * 2,
    fail: async () => {
      throw new Error('no IndexedDB here');
    },
    wait: (ms: number) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)),
    // As a worker the browser kills (for memory, say): this call and every later one go unanswered.
    die: () => {
      self.close();
      return new Promise(() => {});
    },
  },
  self,
);
postMessage('ready');
