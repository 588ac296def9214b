// The one question the UI asks when a write still finds the database busy after its automatic
// tries: shown by <BusyPrompt/> (components/BusyPrompt.tsx), answered by the user. Calls that are
// busy at the same time share the question and the answer.
import type { ApiError } from '../../src-shared/result';

export type BusyQuestion = { message: string } | null;

let question: BusyQuestion = null;
let waiting: ((retry: boolean) => void)[] = [];
const listeners = new Set<() => void>();
const changed = (): void => listeners.forEach((l) => l());

/** Resolves true when the user chooses to try again, false when they cancel (or nobody can ask). */
export function askToRetry(error: ApiError): Promise<boolean> {
  // Before the window shows its prompt (or in a test without one) there is nobody to ask.
  if (listeners.size === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    waiting.push(resolve);
    question = { message: error.message };
    changed();
  });
}

export function answerBusy(retry: boolean): void {
  const answered = waiting;
  waiting = [];
  question = null;
  changed();
  answered.forEach((resolve) => resolve(retry));
}

export function busyQuestion(): BusyQuestion {
  return question;
}

export function subscribeBusy(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
