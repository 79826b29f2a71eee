/** What a two-factor form shows after it ran: an error, or recovery codes to be written down once. */
export type CodesState = { error: string | null; codes: string[] | null; message: string | null };

export const INITIAL_CODES_STATE: CodesState = { error: null, codes: null, message: null };
