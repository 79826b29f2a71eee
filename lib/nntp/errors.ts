/** The news server could not be reached, dropped the connection, or went silent. */
export class NntpConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NntpConnectionError";
  }
}

/** The server answered with a status Postern did not ask for (4xx/5xx): `code` and its own text. */
export class NntpResponseError extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
    readonly command: string,
  ) {
    super(`${command}: ${code} ${text}`);
    this.name = "NntpResponseError";
  }
}

/** The server sent something that breaks the protocol or a size limit; the connection is closed. */
export class NntpProtocolError extends Error {
  constructor(
    message: string,
    readonly reason: "malformed" | "too-large" = "malformed",
  ) {
    super(message);
    this.name = "NntpProtocolError";
  }
}
