/** The POP3 server could not be reached, dropped the connection, went silent, or TLS failed. */
export class Pop3ConnectionError extends Error {
  constructor(
    message: string,
    options?: { cause?: unknown },
    readonly reason: "unreachable" | "tls" | "closed" = "unreachable",
  ) {
    super(message, options);
    this.name = "Pop3ConnectionError";
  }
}

/** The server answered -ERR: its text, the command, and its RFC 2449/3206 response code if any
 * ("AUTH": wrong credentials, "SYS/TEMP", "IN-USE": another client holds the mailbox). */
export class Pop3ResponseError extends Error {
  constructor(
    readonly text: string,
    readonly command: string,
    readonly responseCode: string | null = null,
  ) {
    super(`${command}: -ERR ${text}`.slice(0, 300));
    this.name = "Pop3ResponseError";
  }
}

/** The server sent something that breaks the protocol or a size limit; the connection is closed. */
export class Pop3ProtocolError extends Error {
  constructor(
    message: string,
    readonly reason: "malformed" | "too-large" = "malformed",
  ) {
    super(message);
    this.name = "Pop3ProtocolError";
  }
}
