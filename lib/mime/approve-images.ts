import { decideImageUrl, type ImageUrlDecision, type ImageUrlPolicy } from "@/lib/mime/safe-url";

/** Total length of data: URLs written into one document. A message that references one inline
 * image thousands of times would otherwise grow past what a browser (or a V8 string) can hold. */
const MAX_INLINED_DATA_CHARS = 32 * 1024 * 1024;

export type ImageApprover = {
  /** Decides one image reference; every blocked reference is counted. */
  approve(url: string): ImageUrlDecision;
  blockedCount(): number;
};

/** Image decisions for one document: each distinct URL is decided (and a cid image base64-encoded)
 * once, and inlined data stops at MAX_INLINED_DATA_CHARS. */
export function createImageApprover(policy: ImageUrlPolicy): ImageApprover {
  const decided = new Map<string, ImageUrlDecision>();
  let blocked = 0;
  let inlinedChars = 0;

  return {
    approve(url) {
      let decision = decided.get(url);
      if (!decision) {
        decision = decideImageUrl(url, policy);
        decided.set(url, decision);
      }
      if (decision.kind === "blocked") blocked++;
      if (decision.kind === "use" && decision.url.startsWith("data:")) {
        if (inlinedChars + decision.url.length > MAX_INLINED_DATA_CHARS) return { kind: "drop" };
        inlinedChars += decision.url.length;
      }
      return decision;
    },
    blockedCount: () => blocked,
  };
}
