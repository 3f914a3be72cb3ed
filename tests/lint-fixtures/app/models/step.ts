// The other half of the cycle.
import { planTitle } from "~/models/plan";

export const stepTitle = (id: number) => `Step ${id}`;
export const stepWithPlan = (id: number) => `${stepTitle(id)} of ${planTitle(id)}`;
