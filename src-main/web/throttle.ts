// Slows password guessing: after FAILURES wrong passwords for one login name within WINDOW, that
// name is refused for the rest of the window, whatever the password. argon2id already makes each
// guess cost the server ~50 ms; this caps a guesser at a handful per quarter hour per name.
export const FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

export type Throttle = { blocked(login: string, now?: number): boolean; failed(login: string, now?: number): void; succeeded(login: string): void };

export function loginThrottle(): Throttle {
  const recent = new Map<string, number[]>();
  const live = (login: string, now: number): number[] => (recent.get(login) ?? []).filter((t) => now - t < WINDOW_MS);
  return {
    blocked: (login, now = Date.now()) => live(login, now).length >= FAILURES,
    failed: (login, now = Date.now()) => {
      recent.set(login, [...live(login, now), now]);
      // Bounded: forget names whose failures are all old.
      if (recent.size > 10_000) for (const [k, v] of recent) if (v.every((t) => now - t >= WINDOW_MS)) recent.delete(k);
    },
    succeeded: (login) => void recent.delete(login),
  };
}
