export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}
