"use server";
import { signOut } from "@/auth";
import { sessionAction } from "./session-action";

// With the CSRF token too: another site must not be able to sign the user out either.
export const logout = sessionAction("/mail", async () => {
  await signOut({ redirectTo: "/login?reason=signedout" });
});
