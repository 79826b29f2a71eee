// The last move of every sign-in form: Auth.js opens the session (auth.ts authorize), then the
// browser gets its device cookie for the account (lib/auth/device-cookie.ts) and goes on.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { deviceCookie } from "@/lib/auth/auth-cookies";
import { DEVICE_COOKIE_TTL_MS, rememberDevice } from "@/lib/auth/device-cookie";
import { isHttpsRequest } from "@/lib/http/request-origin";

/** Signs in with `fields` (a password, or a passed ticket) and redirects; throws Auth.js's
 * CredentialsSignin/AuthError as signIn does. */
export async function completeSignIn(input: { account: string; fields: Record<string, string>; redirectTo: string }): Promise<never> {
  const url = await signIn("credentials", { ...input.fields, redirectTo: input.redirectTo, redirect: false });
  const cookie = deviceCookie(isHttpsRequest(await headers()));
  const jar = await cookies();
  jar.set(cookie.name, rememberDevice(jar.get(cookie.name)?.value, input.account), { ...cookie.options, maxAge: DEVICE_COOKIE_TTL_MS / 1000 });
  redirect(url);
}
