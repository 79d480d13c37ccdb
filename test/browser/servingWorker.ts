// A module worker for createCaller.test.ts: serves a small API with the real serveCalls.
import { serveCalls } from '../../src/lib/serveCalls';

serveCalls(
  {
    double: async (n: number) => n * 2,
    fail: async () => {
      throw new Error('no IndexedDB here');
    },
  },
  self,
);
postMessage('ready');
