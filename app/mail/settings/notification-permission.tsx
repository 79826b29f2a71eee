"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import styles from "../identities/identities.module.css";

/** The browser's own permission for notifications, which only a click on this page can ask for. */
export function NotificationPermission() {
  const t = useTranslations("notificationPermission");
  const [permission, setPermission] = useState<NotificationPermission | "unsupported" | null>(null);
  useEffect(() => setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission), []);
  if (permission === null) return null;
  if (permission === "unsupported") return <p>{t("unsupported")}</p>;
  if (permission === "granted") return <p data-testid="notification-permission">{t("granted")}</p>;
  if (permission === "denied") return <p data-testid="notification-permission">{t("denied")}</p>;
  return (
    <button type="button" className={styles.secondary} onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t("ask")}
    </button>
  );
}
