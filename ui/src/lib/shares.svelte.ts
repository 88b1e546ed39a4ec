// Hot topics' shares of 100 points as the core works them out (the one rule
// the plan PDF and the self-score use), kept up to date as weights change.

import { api } from "./ipc";

/**
 * The shares of `weights()`, refreshed whenever they change; "" until the
 * core has answered. Call while a component is being set up.
 */
export function useShares(weights: () => string[]): { readonly list: string[] } {
  const state = $state({ list: [] as string[] });
  $effect(() => {
    const asked = weights();
    let current = true;
    api
      .weightShares(asked)
      .then((list) => {
        if (current) state.list = list;
      })
      .catch(() => {
        // A failed call leaves the shares shown before: nothing is saved here.
      });
    return () => {
      current = false;
    };
  });
  return state;
}
