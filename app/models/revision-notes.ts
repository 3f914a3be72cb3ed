// Change notes the portal writes itself (revisions without an author). Stored in English so the
// database reads well; pages show them translated (components/revisions.tsx).
export const SEED_NOTE = "Seeded from the agency's public facts";
export const BASELINE_NOTE = "Content as it was before its history was recorded";
