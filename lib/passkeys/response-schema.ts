// The browser's WebAuthn answers as they cross the HTTP boundary: the shape is checked here, the
// cryptography by @simplewebauthn/server. Sizes bound what one request can make the server parse.
import { z } from "zod";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

const b64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*$/);

const base = {
  id: b64url(1400).min(1),
  rawId: b64url(1400).min(1),
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};

export const registrationResponseSchema = z.object({
  ...base,
  response: z.looseObject({ clientDataJSON: b64url(4096), attestationObject: b64url(65536), transports: z.array(z.string().max(20)).max(10).optional() }),
}) as unknown as z.ZodType<RegistrationResponseJSON>;

export const authenticationResponseSchema = z.object({
  ...base,
  response: z.looseObject({ clientDataJSON: b64url(4096), authenticatorData: b64url(4096), signature: b64url(2048), userHandle: b64url(256).optional() }),
}) as unknown as z.ZodType<AuthenticationResponseJSON>;

export const challengeIdSchema = z.string().min(10).max(40).regex(/^[A-Za-z0-9_-]+$/);

/** A passkey's name as its owner types it ("Work laptop", "Blue YubiKey"). */
export const passkeyNameSchema = z.string().trim().min(1).max(60);
