/** The items of a streamed NDJSON answer (one JSON value per line), as they arrive. */
export async function* readNdjson<T>(body: NonNullable<Response["body"]>): AsyncGenerator<T> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line) yield JSON.parse(line) as T;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as T;
}
