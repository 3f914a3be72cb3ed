// The signed-in user as the root loader gives it to every page, for components that show or hide
// what the permission rules (~/models/permissions) allow. The server checks again on every action.
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

export type PageUser = NonNullable<NonNullable<ReturnType<typeof useRouteLoaderData<typeof rootLoader>>>["user"]>;

/** The signed-in user, or null for a visitor. */
export function useOptionalUser(): PageUser | null {
  return useRouteLoaderData<typeof rootLoader>("root")?.user ?? null;
}

/** The signed-in user, on pages whose loader already required one. */
export function useUser(): PageUser {
  const user = useOptionalUser();
  if (!user) throw new Error("useUser() on a page without a signed-in user: use useOptionalUser()");
  return user;
}
