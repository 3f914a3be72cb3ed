// Half of an import cycle through the "~/" alias: plan -> step -> plan.
import { stepTitle } from "~/models/step";

export const planTitle = (id: number) => `Plan ${id}: ${stepTitle(id)}`;
