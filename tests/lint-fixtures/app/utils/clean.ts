// A utility that imports nothing from the app: no finding.
export const trimmed = (value: string) => value.trim();
