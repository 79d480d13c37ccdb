import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_KEY } from '../../src/constants';
import { createOutbox } from '../../src/tracker/createOutbox';

const batch = (id: string) => ({ id, signals: [{ signal: 'click', topic: 'tents', value: 1, at: 1 }] });
afterEach(() => localStorage.clear());

describe('createOutbox', () => {
  it('keeps batches in localStorage until removed, then leaves nothing behind', () => {
    const outbox = createOutbox();
    outbox.save(batch('a'));
    outbox.save(batch('b'));
    expect(createOutbox().all().map((b) => b.id)).toEqual(['a', 'b']); // another page sees them
    outbox.remove('a');
    expect(outbox.all().map((b) => b.id)).toEqual(['b']);
    outbox.remove('b');
    expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();
  });

  it('keeps at most 20 batches, the newest', () => {
    const outbox = createOutbox();
    for (let i = 0; i < 25; i++) outbox.save(batch(`b${i}`));
    expect(outbox.all().map((b) => b.id)).toEqual(Array.from({ length: 20 }, (_, i) => `b${i + 5}`));
  });

  it('ignores garbage in storage and storage that throws', () => {
    localStorage.setItem(OUTBOX_KEY, '{not json');
    expect(createOutbox().all()).toEqual([]);
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([{ id: 1 }, batch('ok')]));
    expect(createOutbox().all().map((b) => b.id)).toEqual(['ok']);
    const broken = createOutbox(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => broken.save(batch('x'))).not.toThrow();
    expect(broken.all()).toEqual([]);
  });
});
