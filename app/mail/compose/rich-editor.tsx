"use client";
import Image from "@tiptap/extension-image";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import styles from "./compose.module.css";

type Props = {
  /** The body's HTML; images as data: URLs (the server turns them into cid parts). */
  value: string;
  onChange: (html: string) => void;
  disabled: boolean;
  /** Largest image, in bytes, that still fits in a message. */
  imageBudget: number;
  /** Says why an image was not inserted. */
  onImageError: (message: string) => void;
  autoFocus?: boolean;
};

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsDataURL(file);
  });
}

/** The rich-text body: TipTap (ProseMirror) with the formatting a mail needs. What it writes is
 * only a proposal: the server sanitizes it again before it goes anywhere. */
export function RichEditor({ value, onChange, disabled, imageBudget, onImageError, autoFocus }: Props) {
  const t = useTranslations("editor");
  const emitted = useRef(value);
  const insertImages = async (editor: Editor, files: File[], pos?: number) => {
    for (const file of files) {
      if (!IMAGE_TYPES.includes(file.type)) {
        onImageError(t("notAnImage", { name: file.name }));
        continue;
      }
      if (file.size > imageBudget) {
        onImageError(t("imageTooLarge", { name: file.name }));
        continue;
      }
      const src = await readAsDataUrl(file);
      const chain = editor.chain().focus();
      (pos === undefined ? chain : chain.setTextSelection(pos)).setImage({ src, alt: file.name }).run();
    }
  };
  const imageFiles = (list: FileList | null | undefined) => [...(list ?? [])].filter((f) => f.type.startsWith("image/"));

  const editor = useEditor({
    // Rendered on the server too: create the editor after hydration.
    immediatelyRender: false,
    autofocus: autoFocus ? "start" : false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3] },
        codeBlock: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["mailto"] },
      }),
      Image.configure({ inline: true, allowBase64: true }),
    ],
    content: value,
    editable: !disabled,
    editorProps: {
      attributes: { "aria-label": t("message"), "aria-multiline": "true", role: "textbox", class: styles.rich, "data-testid": "rich-editor" },
      handlePaste: (_view, event) => {
        const files = imageFiles(event.clipboardData?.files);
        if (!files.length || !editorRef.current) return false;
        void insertImages(editorRef.current, files);
        return true;
      },
      handleDrop: (view, event) => {
        const files = imageFiles(event.dataTransfer?.files);
        if (!files.length || !editorRef.current) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        void insertImages(editorRef.current, files, pos);
        return true;
      },
    },
    onUpdate: ({ editor }) => {
      emitted.current = editor.getHTML();
      onChange(emitted.current);
    },
  });
  const editorRef = useRef<Editor | null>(null);
  editorRef.current = editor;

  // A body set from outside (another identity's signature, a restored copy) replaces the content.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  return (
    <div className={styles.richBox}>
      {editor && <Toolbar editor={editor} disabled={disabled} onImages={(files) => void insertImages(editor, files)} />}
      <EditorContent editor={editor} className={styles.richContent} />
    </div>
  );
}

function Toolbar({ editor, disabled, onImages }: { editor: Editor; disabled: boolean; onImages: (files: File[]) => void }) {
  const t = useTranslations("editor");
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
    }),
  });
  const picker = useRef<HTMLInputElement>(null);
  const run = (f: (c: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => void f(editor.chain().focus()).run();
  const link = () => {
    const previous = (editor.getAttributes("link").href as string | undefined) ?? "";
    const href = window.prompt(t("linkPrompt"), previous);
    if (href === null) return;
    if (href.trim() === "") editor.chain().focus().extendMarkRange("link").unsetLink().run();
    else editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
  };
  const buttons: { label: string; text: ReactNode; on?: boolean; action: () => void }[] = [
    { label: t("bold"), text: <b>B</b>, on: active.bold, action: run((c) => c.toggleBold()) },
    { label: t("italic"), text: <i>I</i>, on: active.italic, action: run((c) => c.toggleItalic()) },
    { label: t("underline"), text: <u>U</u>, on: active.underline, action: run((c) => c.toggleUnderline()) },
    { label: t("bulletList"), text: "•", on: active.bulletList, action: run((c) => c.toggleBulletList()) },
    { label: t("numberedList"), text: "1.", on: active.orderedList, action: run((c) => c.toggleOrderedList()) },
    { label: t("quote"), text: "❝", on: active.blockquote, action: run((c) => c.toggleBlockquote()) },
    { label: t("link"), text: t("link"), on: active.link, action: link },
    { label: t("insertImage"), text: t("image"), action: () => picker.current?.click() },
    { label: t("clearFormatting"), text: t("clear"), action: run((c) => c.unsetAllMarks().clearNodes()) },
  ];
  return (
    <div role="toolbar" aria-label={t("formatting")} className={styles.toolbar}>
      {buttons.map((b) => (
        <button
          key={b.label}
          type="button"
          className={b.on ? styles.toolOn : styles.tool}
          aria-label={b.label}
          title={b.label}
          aria-pressed={b.on === undefined ? undefined : b.on}
          disabled={disabled}
          // Keep the selection in the editor while clicking.
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.action}
        >
          {b.text}
        </button>
      ))}
      <input
        ref={picker}
        type="file"
        accept={IMAGE_TYPES.join(",")}
        multiple
        hidden
        onChange={(e) => {
          onImages([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
    </div>
  );
}
