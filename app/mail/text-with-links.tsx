import type { TextSegment } from "@/lib/mime/linkify-text";

/** Plain text as the reader sees it: preformatted, its web addresses as links opening elsewhere. */
export function TextWithLinks({ segments, testId }: { segments: TextSegment[]; testId: string }) {
  return (
    <pre className="text-body" data-testid={testId} translate="no">
      {segments.map((s, i) =>
        s.kind === "link" ? (
          <a key={i} href={s.value} target="_blank" rel="noopener noreferrer">
            {s.value}
          </a>
        ) : (
          <span key={i}>{s.value}</span>
        ),
      )}
    </pre>
  );
}
