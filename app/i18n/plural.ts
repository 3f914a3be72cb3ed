// Plural forms inside a message, in the ICU MessageFormat notation translators know:
//   "{count, plural, one {# event} other {# events}}"
// The form is chosen with Intl.PluralRules for the page's language (Finnish, Swedish and English
// each have their own rules), "#" becomes the formatted number, and "=0" picks an exact value.
// Only this subset of ICU is understood; a full ICU library would cost about 10 KB in the browser.

const PLURAL = /\{(\w+),\s*plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

const rulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** Replaces each plural block with the form for its number; blocks without a number stay as they are. */
export function selectPlurals(
  locale: string,
  template: string,
  params: Record<string, string | number>,
  formatNumber: (value: number) => string,
): string {
  if (!template.includes("plural,")) return template;
  return template.replace(PLURAL, (block, name: string, body: string) => {
    const value = params[name];
    if (typeof value !== "number") return block;
    const forms = new Map([...body.matchAll(FORM)].map((m) => [m[1], m[2]]));
    const form = forms.get(`=${value}`) ?? forms.get(pluralRules(locale).select(value)) ?? forms.get("other") ?? "";
    return form.replace(/#/g, formatNumber(value));
  });
}
