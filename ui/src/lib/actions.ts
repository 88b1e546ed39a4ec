// Uncontrolled fields: the store never re-renders a field while the user
// types in it, so native undo (Ctrl+Z) keeps its whole history.

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Sets the field's value from `value` when it mounts, and later only when
 * the value changes from elsewhere while the field does not have focus.
 */
export function keep(node: Field, value: string) {
  node.value = value;
  return {
    update(next: string) {
      if (document.activeElement !== node && node.value !== next) node.value = next;
    },
  };
}

/**
 * Inserts text at the cursor as if typed, so that Ctrl+Z takes it out again
 * (execCommand keeps the undo history; the fallback does not, where the
 * browser has no execCommand).
 */
export function insertText(node: Field, text: string): void {
  node.focus();
  let done: boolean;
  try {
    done = typeof document.execCommand === "function" && document.execCommand("insertText", false, text);
  } catch {
    done = false;
  }
  if (!done) {
    const start = node.selectionStart ?? node.value.length;
    const end = node.selectionEnd ?? node.value.length;
    node.setRangeText(text, start, end, "end");
    node.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

/** Calls `close` when Escape is pressed inside the node (menus, pickers). */
export function escapes(node: HTMLElement, close: () => void) {
  let current = close;
  function onkeydown(event: KeyboardEvent): void {
    if (event.key === "Escape") {
      event.preventDefault();
      current();
    }
  }
  node.addEventListener("keydown", onkeydown);
  return {
    update(next: () => void) {
      current = next;
    },
    destroy() {
      node.removeEventListener("keydown", onkeydown);
    },
  };
}
