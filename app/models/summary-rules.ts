// Goal summary limits shared by the server's validation and the form's constraints.
export const SUMMARY_LIMITS = { title: 200, intro: 10_000, teamText: 10_000, targetText: 500, owner: 200 } as const;
/** Empty target rows offered per goal, so the form works without JavaScript. */
export const BLANK_TARGET_ROWS = 2;
