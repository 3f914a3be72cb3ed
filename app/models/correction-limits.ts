// How long a correction suggestion and a reply to it may be: the forms (in the browser too) and
// the server's schema use the same numbers.
export const SUGGESTION_MAX = 2000;
export const REPLY_MAX = 1000;
