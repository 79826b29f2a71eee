// next-intl checks message keys against the English catalog at compile time: `t("no.such.key")`
// does not typecheck (README, "Translations").
import type en from "./messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
  }
}
