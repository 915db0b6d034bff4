export const EXPLANATIONS: Readonly<Record<string, string>> = {};
