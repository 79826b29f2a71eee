"use server";
// Passkeys in Settings → Sign-in security: adding one (options, then the browser's answer, each
// with the session's CSRF token in the form), naming and removing them.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isPosternError } from "@/lib/http/errors";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeUrl } from "@/lib/http/signed-notice";
import { removePasskey, renamePasskey } from "@/lib/passkeys/passkey-store";
import { finishPasskeyRegistration, passkeyRegistrationOptions } from "@/lib/passkeys/register-passkey";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { challengeIdSchema, passkeyNameSchema, registrationResponseSchema } from "@/lib/passkeys/response-schema";
import { forgetRecoveryCodesIfUnused } from "@/lib/two-factor/two-factor-store";
import { CSRF_REFUSED, sessionAction, sessionStateAction } from "../session-action";
import type { PasskeyAddState, PasskeyOptionsState } from "./passkey-state";

export const passkeyOptionsAction = sessionStateAction<PasskeyOptionsState>({ error: CSRF_REFUSED, challengeId: null, options: null }, async (session) => {
  try {
    const { challengeId, options } = await passkeyRegistrationOptions(session.email, relyingParty(await headers()));
    return { error: null, challengeId, options };
  } catch (e) {
    if (isPosternError(e)) return { error: await errorText(e), challengeId: null, options: null };
    throw e;
  }
});

const addSchema = z.object({ name: passkeyNameSchema, challengeId: challengeIdSchema, response: z.string().max(80_000) });

export const addPasskeyAction = sessionStateAction<PasskeyAddState>({ error: CSRF_REFUSED, added: false }, async (session, form) => {
  const input = addSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: noticeKey("passkeyName"), added: false };
  let response;
  try {
    response = registrationResponseSchema.parse(JSON.parse(input.data.response));
  } catch {
    return { error: noticeKey("passkeyUnreadable"), added: false };
  }
  try {
    await finishPasskeyRegistration({ account: session.email, rp: relyingParty(await headers()), challengeId: input.data.challengeId, name: input.data.name, response });
  } catch (e) {
    if (isPosternError(e)) return { error: await errorText(e), added: false };
    throw e;
  }
  return { error: null, added: true };
});

const idSchema = z.string().min(1).max(1400);

export const renamePasskeyAction = sessionAction("/mail/security", async (session, form) => {
  const input = z.object({ id: idSchema, name: passkeyNameSchema }).safeParse(Object.fromEntries(form));
  const ok = input.success && (await renamePasskey(session.email, input.data.id, input.data.name));
  redirect(noticeUrl("/mail/security", ok ? { kind: "ok", text: noticeKey("passkeyRenamed") } : { kind: "error", text: noticeKey("passkeyName") }));
});

export const removePasskeyAction = sessionAction("/mail/security", async (session, form) => {
  const id = idSchema.safeParse(form.get("id"));
  const ok = id.success && (await removePasskey(session.email, id.data));
  if (ok) await forgetRecoveryCodesIfUnused(session.email);
  redirect(noticeUrl("/mail/security", ok ? { kind: "ok", text: noticeKey("passkeyRemoved") } : { kind: "error", text: noticeKey("passkeyAlreadyRemoved") }));
});
