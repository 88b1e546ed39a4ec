// A message that survives one navigation: "Tender saved." shown on the next screen.

export const flash = $state<{ text: string | null }>({ text: null });

/** Takes the message (once). */
export function takeFlash(): string | null {
  const text = flash.text;
  flash.text = null;
  return text;
}
