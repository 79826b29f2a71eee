"use client";
import { useSearchParams } from "next/navigation";
import { useEffect, type MouseEvent } from "react";
import { useTranslations } from "next-intl";

// On phones the folder tree (#folders, .sidebar) is a drawer. Without JavaScript the links below
// open it as the URL's fragment (.sidebar:target); with it they toggle a class instead, since a
// client-side navigation to a folder would leave :target matching and the drawer open.

const DRAWER_ID = "folders";
const drawer = () => document.getElementById(DRAWER_ID);

function setOpen(open: boolean) {
  drawer()?.classList.toggle("open", open);
  document.querySelector(`[aria-controls="${DRAWER_ID}"]`)?.setAttribute("aria-expanded", String(open));
}

/** "Folders" in the top bar (phones only). */
export function FoldersDrawerToggle() {
  const t = useTranslations("folderTree");
  const params = useSearchParams();
  // a folder chosen in the drawer (or any navigation) closes it
  useEffect(() => setOpen(false), [params]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const toggle = (e: MouseEvent) => {
    e.preventDefault();
    setOpen(!drawer()?.classList.contains("open"));
  };
  return (
    <a href={`#${DRAWER_ID}`} className="topbar-link phone-only" data-testid="folders-drawer" aria-controls={DRAWER_ID} aria-expanded="false" onClick={toggle}>
      {t("folders")}
    </a>
  );
}

/** "Close" at the top of the drawer. */
export function FoldersDrawerClose() {
  const t = useTranslations("common");
  const close = (e: MouseEvent) => {
    e.preventDefault();
    setOpen(false);
  };
  return (
    <a href="#" className="drawer-close phone-only" onClick={close}>
      {t("close")}
    </a>
  );
}
