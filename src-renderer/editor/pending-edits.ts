// Text typed in an editor reaches its caller after a short pause, not on every key: the caller
// re-renders the item and keeps a copy of it on each change, which a long text makes slow. What an
// editor holds back is handed over at once when it loses focus or closes, and whenever something
// is about to save or read the text (flushEditors), so nothing typed is ever left behind.

const pending = new Set<() => void>();

export function holdBack(flush: () => void): void {
  pending.add(flush);
}

export function handedOver(flush: () => void): void {
  pending.delete(flush);
}

/** Hands every editor's held-back text to its caller now. */
export function flushEditors(): void {
  for (const flush of [...pending]) flush();
}
