// Types for corpus.mjs, so TypeScript tests can import the seeded corpus.
export declare const SEED_USER: string;
export declare const SEED_MAILBOX: string;
export declare const SUBJECTS: Readonly<Record<
  | "plain" | "newsletter" | "alternative" | "pdf" | "png" | "zip" | "latin1" | "windows874" | "tis620"
  | "utf8B" | "utf8Q" | "latin1Q" | "iso2022jp" | "thread" | "threadReply" | "phishing" | "large",
  string
>>;
export declare const TEXTS: Readonly<{
  plain: string; newsletter: string; alternativeText: string; alternativeHtml: string; pdf: string; png: string;
  zip: string; latin1: string; windows874: string; windows874Quote: string; tis620: string; utf8B: string;
  utf8Q: string; latin1Q: string; iso2022jp: string; thread: readonly string[]; phishing: string; large: string;
}>;
export declare const REMOTE_IMAGE_URL: string;
export declare const DECEPTIVE_LINK: Readonly<{ href: string; text: string; html: string }>;
export declare const NEWSLETTER_CID: string;
export declare const THREAD_MESSAGE_IDS: readonly string[];
export declare const CHARSET_CASES: Readonly<Record<string, { header: [string, string]; body: [string, string] }>>;
export declare const DATASET_SIZE: number;
export declare const DATASET_SEED: number;
export declare function datasetBytes(): Buffer;
export type CorpusFile = Readonly<{
  key: string; name: string; contentType: string; subject: string; path: string | null;
  bytes: () => Buffer; sha256: () => string; size?: number; cid?: string; inline?: boolean;
}>;
export declare const CORPUS_FILES: Readonly<Record<"pdf" | "png" | "zip" | "dataset" | "newsletterLogo", CorpusFile>>;
export declare const SPECIAL_KEYS: readonly string[];
export declare const FILLER_COUNT: number;
export declare const CORPUS_SIZE: number;
export declare const FILLER_SEED: number;
export type CorpusMessage = { key: string; subject: string; raw: Buffer; flags: string[]; internalDate: Date };
export declare function buildCorpus(opts?: { now?: Date }): CorpusMessage[];
export declare function corpusByKey(opts?: { now?: Date }): Record<string, CorpusMessage>;
