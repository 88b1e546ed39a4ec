// The product's fixed lists (bidder kinds, delivery statuses, reporting
// frequencies, kinds of evidence) in the core's words, asked for once and
// kept: a select or a label shows them as soon as the core has answered.

import type { Choice } from "./bindings/Choice";
import type { Choices } from "./bindings/Choices";
import { api } from "./ipc";

const state = $state<{ lists: Choices | null }>({ lists: null });
let asking = false;

function lists(): Choices | null {
  if (state.lists === null && !asking) {
    asking = true;
    api
      .choices()
      .then((c) => {
        state.lists = c;
      })
      .catch(() => {
        // Asked again on the next read.
      })
      .finally(() => {
        asking = false;
      });
  }
  return state.lists;
}

/** The list `name`, empty until the core has answered. */
export function choices(name: keyof Choices): Choice[] {
  return lists()?.[name] ?? [];
}

/** The words for `value` in the list `name`: "Social enterprise"; "" for none. */
export function labelOf(name: keyof Choices, value: string | null | undefined): string {
  if (value == null) return "";
  return choices(name).find((c) => c.value === value)?.label ?? "";
}

/** Forgets the lists (a new session, in tests). */
export function forgetChoices(): void {
  state.lists = null;
}
