"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { applyCompletion, completionQuery } from "@/lib/contacts/complete-address";
import type { RecipientSuggestion } from "@/lib/contacts/suggest-recipients";
import { formatMailbox } from "@/lib/compose/parse-addresses";
import styles from "./compose.module.css";

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
};

/**
 * An address field that suggests people as the user types (an ARIA combobox): arrows move, Enter
 * or Tab takes the highlighted one, Escape closes. Suggestions come from the server (the address
 * book, its groups, and addresses collected from sent mail), asked at most once per pause in
 * typing; answers to older questions are dropped. A group chosen becomes its members' addresses.
 */
export function AddressInput({ id, value, onChange, autoFocus }: Props) {
  const t = useTranslations("compose");
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<RecipientSuggestion[]>([]);
  const [active, setActive] = useState(0);
  const pendingCaret = useRef<number | null>(null);

  useEffect(() => {
    if (!query) {
      setOptions([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/contacts/suggest?${new URLSearchParams({ q: query })}`, { signal: ctrl.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ suggestions: RecipientSuggestion[] }>) : { suggestions: [] }))
        .then((r) => {
          setOptions(r.suggestions);
          setActive(0);
        })
        .catch(() => undefined); // aborted, or offline: no suggestions, typing goes on
    }, 150);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [query]);

  useEffect(() => {
    if (pendingCaret.current === null || !input.current) return;
    input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const open = options.length > 0 && query !== null;
  const close = () => {
    setQuery(null);
    setOptions([]);
  };
  const choose = (s: RecipientSuggestion) => {
    const caret = input.current?.selectionStart ?? value.length;
    const next = applyCompletion(value, caret, s.kind === "group" ? s.members : s);
    pendingCaret.current = next.caret;
    onChange(next.value);
    close();
  };

  return (
    <div className={styles.combo}>
      <input
        ref={input}
        id={id}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          setQuery(completionQuery(e.target.value, e.target.selectionStart ?? e.target.value.length));
        }}
        onBlur={close}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => (i + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
          } else if (e.key === "Enter" || (e.key === "Tab" && !e.shiftKey)) {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === "Escape") {
            e.preventDefault();
            close();
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" className={styles.suggestions} aria-label={t("suggestions")}>
          {options.map((a, i) => (
            <li
              key={a.kind === "group" ? `group:${a.name}:${i}` : a.address}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? styles.suggestionActive : styles.suggestion}
              // mousedown, not click: the input's blur would close the list before a click lands
              onMouseDown={(e) => {
                e.preventDefault();
                choose(a);
              }}
            >
              {a.kind === "group" ? `${a.name} (group: ${a.members.length} ${a.members.length === 1 ? "address" : "addresses"})` : formatMailbox(a)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
