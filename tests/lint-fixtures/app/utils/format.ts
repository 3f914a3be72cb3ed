// A utility reaching up into a model: the layer rule forbids this direction.
import { stepTitle } from "~/models/step";

export const shout = (id: number) => stepTitle(id).toUpperCase();
