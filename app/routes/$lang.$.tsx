// Unknown paths under a language: a real 404 page.
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("notFound.title");

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
