import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";

/** The answer of the first half of adding a passkey: options for the browser, or why not. */
export type PasskeyOptionsState = { error: string | null; challengeId: string | null; options: PublicKeyCredentialCreationOptionsJSON | null };
/** The answer of the second half: added, or why not. */
export type PasskeyAddState = { error: string | null; added: boolean };

export const INITIAL_OPTIONS_STATE: PasskeyOptionsState = { error: null, challengeId: null, options: null };
export const INITIAL_ADD_STATE: PasskeyAddState = { error: null, added: false };
