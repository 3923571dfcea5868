import en from "@/messages/en.json";

export type Messages = typeof en;
export const defaultLocale = "en";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;

/** Looks a message up and fills `{name}` placeholders. Text only: React escapes it when rendering. */
export function translate(messages: Messages, key: MessageKey, vars: Record<string, string> = {}): string {
  const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
  if (typeof template !== "string") return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function messagesFor(_locale: string): Messages {
  return en;
}

/** A scope's description, or undefined for scopes the catalogue does not know (they are shown by name). */
export function scopeDescription(messages: Messages, scope: string): string | undefined {
  return (messages.scopes as Record<string, string>)[scope];
}
