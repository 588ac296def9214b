// Every change the user starts goes through here, not through useMutation directly: while one is
// on its way, pressing again does nothing (a double click adds one item, a form sent twice makes
// one meeting), and the pressed control shows that it is busy (pass `pending` to the Button).
import { useCallback, useMemo, useRef } from 'react';
// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import { useMutation, type MutateOptions, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';

export type ActionKind = 'action' | 'setting';

/**
 * An 'action' (add, create, copy, delete, publish) runs once however often it is pressed while on its
 * way. A 'setting' (a status, a decision, an order) sets a value: pressing twice sets the same value,
 * and a later value must follow one still on its way, so nothing is held back.
 */
export function useAction<TData = unknown, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, Error, TVariables, TContext>,
  kind: ActionKind = 'action',
): UseMutationResult<TData, Error, TVariables, TContext> {
  // A ref, not the mutation's state: a second click can arrive before React has re-rendered the first.
  const busy = useRef(false);
  const mutation = useMutation<TData, Error, TVariables, TContext>({
    ...options,
    // Freed only after onSuccess has run (which often closes the dialog), so no second press slips in between.
    onSettled: async (...args) => {
      try {
        await options.onSettled?.(...args);
      } finally {
        busy.current = false;
      }
    },
  });
  const { mutate: run, mutateAsync: runAsync } = mutation;
  const mutate = useCallback(
    (variables: TVariables, opts?: MutateOptions<TData, Error, TVariables, TContext>) => {
      if (kind === 'action' && busy.current) return;
      busy.current = true;
      run(variables, opts);
    },
    [run, kind],
  );
  const mutateAsync = useCallback(
    (variables: TVariables, opts?: MutateOptions<TData, Error, TVariables, TContext>): Promise<TData> => {
      if (kind === 'action' && busy.current) return Promise.reject(new Error('busy'));
      busy.current = true;
      return runAsync(variables, opts);
    },
    [runAsync, kind],
  );
  return useMemo(() => ({ ...mutation, mutate, mutateAsync }) as UseMutationResult<TData, Error, TVariables, TContext>, [mutation, mutate, mutateAsync]);
}

/** A change that sets a value (see ActionKind). */
export function useSetting<TData = unknown, TVariables = void, TContext = unknown>(options: UseMutationOptions<TData, Error, TVariables, TContext>): UseMutationResult<TData, Error, TVariables, TContext> {
  return useAction(options, 'setting');
}
