import type { PartSummary } from "@/lib/mime/observe-structure";
import type { ShownText } from "@/lib/mime/read-text-parts";
import type { AttachedMessage, FlowItem } from "@/lib/mime/types";

/**
 * The body of a multipart/mixed message as a sequence of its own text parts and the inline
 * messages between them, in document order, so that each forwarded message is read where the
 * sender put it. Null when the message is not built that way: no inline message among the top
 * parts, or text inside a nested multipart (an alternative, related parts), where the body is
 * shown whole and the inline messages after it.
 */
export function readingFlow(input: { structure: PartSummary[]; shownText: Map<string, ShownText>; attachedMessages: AttachedMessage[] }): FlowItem[] | null {
  const [root] = input.structure;
  if (root?.contentType !== "multipart/mixed") return null;
  const inline = new Set(input.attachedMessages.filter((m) => m.inline).map((m) => m.partId));
  const children = input.structure.filter((part) => part.parent === 0);
  if (!children.some((part) => inline.has(part.partId))) return null;
  const flow: FlowItem[] = [];
  const nestedText = (part: PartSummary) => [...input.shownText.keys()].some((id) => id.startsWith(`${part.partId}.`));
  for (const part of children) {
    const shown = input.shownText.get(part.partId);
    if (shown?.html || (part.contentType.startsWith("multipart/") && nestedText(part))) return null;
    if (inline.has(part.partId)) flow.push({ kind: "message", partId: part.partId });
    else if (shown?.text.trim()) flow.push({ kind: "text", text: shown.text });
  }
  return flow;
}
