import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";

// Issue 8: every server action that acts for a signed-in user checks the session's CSRF token,
// because each is made by sessionAction (app/mail/session-action.ts). This test finds every
// "use server" module by reading the source, so a new file or a new export is held to it without
// anyone listing it here. Only the framework's edges are stubbed, so the modules can be loaded.
vi.mock("@/auth", () => ({ requireMailSession: vi.fn(), getMailSession: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));
vi.mock("next/headers", () => ({ headers: vi.fn() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));

const { isSessionAction } = await import("./mail/session-action");

const ROOT = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", ".next", "data", ".git", "mail-lab"]);

/** Actions that run without a session, by file: the only exports those files may have. */
const SESSIONLESS: Record<string, string[]> = {
  // Signing in: no session yet, so no session token; the action checks the Origin itself (see the file).
  "app/login/actions.ts": ["login"],
  // The second sign-in step, before the session exists: the same Origin check as signing in.
  "app/login/verify/actions.ts": ["cancelSignIn", "verifySecondFactor"],
  // Passkeys at sign-in (second step or passkey-first): the same Origin check as signing in.
  "app/login/passkey-actions.ts": ["cancelPasskeyFirst", "passkeyFirstOptions", "passkeyFirstVerify", "passkeyStepOptions", "passkeyStepVerify"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

const isUseServer = (node: ts.Node) =>
  ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression) && node.expression.text === "use server";

/** Where a file says "use server": as its first statement (a module of actions) or inside a function. */
function useServerDirectives(file: string): { module: boolean; inline: number } {
  const source = fs.readFileSync(file, "utf8");
  if (!source.includes("use server")) return { module: false, inline: 0 };
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  let inline = 0;
  const visit = (node: ts.Node) => {
    if (ts.isBlock(node) && node.statements.length > 0 && isUseServer(node.statements[0])) inline += 1;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { module: sf.statements.length > 0 && isUseServer(sf.statements[0]), inline };
}

const scanned = sourceFiles(ROOT).map((file) => ({ file: path.relative(ROOT, file), ...useServerDirectives(path.join(file)) }));
const actionModules = scanned.filter((f) => f.module).map((f) => f.file);

describe("server actions and the CSRF token", () => {
  it("finds the action modules (the scan itself works)", () => {
    expect(actionModules).toEqual(expect.arrayContaining(["app/mail/settings/actions.ts", "app/mail/folders/actions.ts", "app/login/actions.ts"]));
  });

  it("has no action declared inside a function, where the check below cannot see it", () => {
    expect(scanned.filter((f) => f.inline > 0).map((f) => f.file)).toEqual([]);
  });

  // importing an action module cold pulls in its whole import graph (IMAP, the database): seconds on a busy machine
  it.each(actionModules)("%s: every export is an action that checks the session's token", { timeout: 30_000 }, async (file) => {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    const exported = Object.keys(mod).sort();
    expect(exported.length).toBeGreaterThan(0);
    const sessionless = SESSIONLESS[file];
    if (sessionless) {
      expect(exported).toEqual([...sessionless].sort());
      return;
    }
    expect(exported.filter((name) => !isSessionAction(mod[name]))).toEqual([]);
  });

  it("puts the token field in every form that posts a session action", () => {
    const checked = new Set(actionModules.filter((f) => !SESSIONLESS[f]));
    const missing = scanned.filter((f) => f.file.endsWith(".tsx")).flatMap((f) => formsWithoutField(f.file, checked));
    expect(missing).toEqual([]);
  });
});

/** "file: action" for each <form action={x}> or formAction={x} whose x is imported from a checked
 * action module, and which has no <CsrfField /> inside the form. */
function formsWithoutField(file: string, checked: Set<string>): string[] {
  const full = path.join(ROOT, file);
  const sf = ts.createSourceFile(full, fs.readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const imported = new Map<string, string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    const target = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.relative(ROOT, path.resolve(path.dirname(full), spec)) : null;
    const bindings = st.importClause?.namedBindings;
    if (!target || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) imported.set(el.name.text, `${target}.ts`);
  }
  const missing: string[] = [];
  const hasField = (node: ts.Node): boolean =>
    (ts.isJsxSelfClosingElement(node) && node.tagName.getText(sf) === "CsrfField") || ts.forEachChild(node, hasField) === true;
  const visit = (node: ts.Node, form: ts.JsxElement | null) => {
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText(sf) === "form") form = node;
    if (ts.isJsxAttribute(node) && ["action", "formAction"].includes(node.name.getText(sf)) && node.initializer && ts.isJsxExpression(node.initializer)) {
      const expr = node.initializer.expression;
      const from = expr && ts.isIdentifier(expr) ? imported.get(expr.text) : undefined;
      // A client form component may be handed the field as a prop (csrf={<CsrfField />}) instead.
      const element = node.parent.parent;
      const handed = (ts.isJsxSelfClosingElement(element) || ts.isJsxOpeningElement(element)) && hasField(element.attributes);
      if (from && checked.has(from) && !handed && !(form && hasField(form))) missing.push(`${file}: ${expr!.getText(sf)}`);
    }
    ts.forEachChild(node, (child) => visit(child, form));
  };
  visit(sf, null);
  return missing;
}
