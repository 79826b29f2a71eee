"use client";
import { useEffect, useState } from "react";
import styles from "../identities/identities.module.css";

/** The browser's own permission for notifications, which only a click on this page can ask for. */
export function NotificationPermission() {
  const [permission, setPermission] = useState<NotificationPermission | "unsupported" | null>(null);
  useEffect(() => setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission), []);
  if (permission === null) return null;
  if (permission === "unsupported") return <p>This browser cannot show desktop notifications.</p>;
  if (permission === "granted") return <p data-testid="notification-permission">This browser may show Postern’s notifications.</p>;
  if (permission === "denied") return <p data-testid="notification-permission">This browser blocks Postern’s notifications; allow them in its site settings.</p>;
  return (
    <button type="button" className={styles.secondary} onClick={() => void Notification.requestPermission().then(setPermission)}>
      Allow notifications in this browser
    </button>
  );
}
