/**
 * Splits a byte stream into lines at LF (the CR before it is dropped; the line protocols say CRLF,
 * some servers send bare LF). Bytes stay bytes: message lines may be in any charset. Each chunk is
 * scanned once, so a 20 MB message costs O(size), and a line longer than `maxLine` fails instead
 * of growing without bound. Shared by the NNTP and POP3 clients; each passes the error it throws.
 */
export class LineSplitter {
  private partial: Buffer[] = [];
  private partialLength = 0;

  constructor(
    private readonly maxLine: number,
    private readonly tooLong: (maxLine: number) => Error,
  ) {}

  /** @throws the `tooLong` error when a line exceeds maxLine */
  push(chunk: Buffer, emit: (line: Buffer) => void): void {
    let start = 0;
    for (let lf = chunk.indexOf(0x0a); lf >= 0; lf = chunk.indexOf(0x0a, start)) {
      let line = chunk.subarray(start, lf);
      if (this.partialLength) {
        line = Buffer.concat([...this.partial, line]);
        this.partial = [];
        this.partialLength = 0;
      }
      if (line.length > this.maxLine) throw this.tooLong(this.maxLine);
      emit(line.length && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line);
      start = lf + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.partial.push(rest);
      this.partialLength += rest.length;
      if (this.partialLength > this.maxLine) throw this.tooLong(this.maxLine);
    }
  }
}
