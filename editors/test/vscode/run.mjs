// The VS Code suite: the packaged extension in a real VS Code (code-server),
// driven through Chromium the way a person uses it: keyboard, Problems panel,
// hovers, the quick-fix menu and the command palette.
//
//   node editors/test/vscode/run.mjs
//
// editors/test.sh sets the environment: COPYDESK_TEST_ROOT (the repository),
// COPYDESK_TEST_WORK (a scratch copy of the fixtures), COPYDESK_TEST_CMD (the
// server to run), COPYDESK_TEST_LOGS (where the server writes its stderr and
// exit statuses, and this suite its logs), COPYDESK_TEST_VSIX (the package:
// a platform package, with the server inside).
//
// code-server runs with no copydesk on PATH. The suite starts on the bundled
// server, then points copydesk.path at COPYDESK_TEST_CMD, whose stderr and exit
// statuses the rest of the suite reads.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const root = env("COPYDESK_TEST_ROOT");
const work = env("COPYDESK_TEST_WORK");
const serverCmd = env("COPYDESK_TEST_CMD");
const logs = env("COPYDESK_TEST_LOGS");
const vsix = env("COPYDESK_TEST_VSIX");

const WAIT_MS = 30_000;
const SUITE_MS = 6 * 60_000;
const here = path.dirname(new URL(import.meta.url).pathname);
const codeServer = path.join(here, "node_modules", ".bin", "code-server");
const expect = JSON.parse(fs.readFileSync(path.join(root, "editors/test/expectations.json"), "utf8"));
const profile = path.join(logs, "vscode");
const userData = path.join(profile, "user-data");
const extensions = path.join(profile, "extensions");
const serverStderr = path.join(logs, "server-stderr.log");
const serverExits = path.join(logs, "server-exit");
/** PATH without the folders that hold a copydesk: the extension must bring its own. */
const pathWithoutCopydesk = (process.env.PATH ?? "")
  .split(path.delimiter)
  .filter((dir) => dir && !fs.existsSync(path.join(dir, "copydesk")))
  .join(path.delimiter);

/** The code-server port, and the page to screenshot when a check fails. */
const state = { port: 0, page: undefined };

// Reporting ------------------------------------------------------------------

const began = Date.now();
const elapsed = () => `[${((Date.now() - began) / 1000).toFixed(1)} s]`;
let passed = 0;
let failed = 0;
let pending = 0;

function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok - ${name} ${elapsed()}`);
  } else {
    failed += 1;
    console.log(`not ok - ${name} ${elapsed()}${detail === undefined ? "" : `: ${detail}`}`);
    if (state.page) {
      const shot = path.join(logs, `vscode-failure-${failed}.png`);
      void state.page.screenshot({ path: shot }).then(() => console.log(`# screenshot: ${shot}`), () => undefined);
    }
  }
  return ok;
}

function skip(name, reason) {
  pending += 1;
  console.log(`pending - ${name} (waits for ${reason})`);
}

async function until(condition, ms = WAIT_MS) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value || Date.now() > end) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

// The server's own record: one "ready" per start, one exit status per stop,
// and (COPYDESK_LOG=debug) one "publishing" line per published check.

const readText = (file) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
const starts = () => (readText(serverStderr).match(/copydesk \S+ ready/g) ?? []).length;
const exits = () => readText(serverExits).split("\n").filter(Boolean);
/** The processes running the server that the installed extension carries. */
function bundledServers() {
  const pids = [];
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const exe = fs.readlinkSync(`/proc/${pid}/exe`);
      if (exe.startsWith(extensions + path.sep) && path.basename(exe) === "copydesk") {
        pids.push(pid);
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  return pids;
}
const notFound = (page) => page.locator(".notification-toast", { hasText: "was not found" });
const publications = (file, trigger) =>
  readText(serverStderr)
    .split("\n")
    .filter((line) => line.includes(`${file}: publishing`) && line.includes(`after ${trigger}`)).length;

// code-server ----------------------------------------------------------------

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

const userSettingsFile = path.join(userData, "User", "settings.json");
// copydesk.path is machine-overridable: in a remote window (code-server is
// one) it is read from the machine's settings, not the browser user's.
const machineSettingsFile = path.join(userData, "Machine", "settings.json");

function userSettings(rules) {
  return {
    "copydesk.rules": rules,
    "workbench.startupEditor": "none",
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.tips.enabled": false,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "update.mode": "none",
    "chat.disableAIFeatures": true,
    "editor.wordWrap": "off",
    "editor.minimap.enabled": false,
    "editor.hover.delay": 100,
    "files.insertFinalNewline": false,
  };
}

function codeServerArgs() {
  return [
    "--config",
    path.join(profile, "config.yaml"),
    "--user-data-dir",
    userData,
    "--extensions-dir",
    extensions,
  ];
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

async function startCodeServer() {
  const log = fs.createWriteStream(path.join(profile, "code-server.log"));
  const child = spawn(
    codeServer,
    [
      ...codeServerArgs(),
      "--bind-addr",
      "127.0.0.1:0",
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      work,
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: pathWithoutCopydesk, COPYDESK_LOG: "info,copydesk=debug" },
    },
  );
  let port;
  const listening = new Promise((resolve) => {
    const scan = (data) => {
      log.write(data);
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(data.toString());
      if (match) {
        port = Number(match[1]);
        resolve();
      }
    };
    child.stdout.on("data", scan);
    child.stderr.on("data", scan);
  });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  await Promise.race([listening, exited, new Promise((r) => setTimeout(r, WAIT_MS))]);
  return { child, port, exited };
}

// The workbench ----------------------------------------------------------------

async function command(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  await pickFocused(page, title);
}

/** Presses Enter once the quick input's focused row is the one wanted, not a stale one. */
async function pickFocused(page, text) {
  const row = page.locator(".quick-input-list .monaco-list-row.focused", { hasText: text });
  await row.waitFor({ state: "visible", timeout: WAIT_MS });
  await page.keyboard.press("Enter");
}

/** Rewrites a settings file through VS Code's own JSON editor, as a user would. */
async function editSettings(page, commandTitle, file, value) {
  await command(page, commandTitle);
  const key = Object.keys(value).find((k) => k.startsWith("copydesk."));
  await page.locator(".monaco-editor.focused .view-lines", { hasText: key }).waitFor({ timeout: WAIT_MS });
  await page.keyboard.press("Control+A");
  // One line, so no auto-indent; then whatever auto-closing added after the cursor goes.
  await page.keyboard.insertText(JSON.stringify(value));
  await page.keyboard.press("Control+Shift+End");
  await page.keyboard.press("Delete");
  await page.keyboard.press("Control+S");
  console.log(`# ${elapsed()} saving ${path.basename(path.dirname(file))}/settings.json`);
  const saved = await until(() => {
    try {
      return JSON.stringify(JSON.parse(readText(file))) === JSON.stringify(value);
    } catch {
      return false;
    }
  });
  console.log(`# ${elapsed()} saved: ${saved}`);
  await page.keyboard.press("Control+W");
  return saved;
}

async function openFile(page, name) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(name);
  await pickFocused(page, name);
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: WAIT_MS });
  await page.locator(".monaco-editor.focused").waitFor({ timeout: WAIT_MS });
}

async function focusEditor(page) {
  await command(page, "View: Focus Active Editor Group");
  await page.locator(".monaco-editor.focused").waitFor({ timeout: WAIT_MS });
}

/** Moves the cursor to a 1-based line and column (in UTF-16 code units, as VS Code counts). */
async function goTo(page, line, column) {
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

/** Saves the active editor and waits for the server to publish the check that the save asked for. */
async function save(page, file) {
  const before = publications(file, "Save");
  await page.keyboard.press("Control+S");
  return until(() => publications(file, "Save") > before);
}

/** The Problems panel's diagnostics: { file, severity, message, source, code, line, column }. */
async function problems(page) {
  return page.evaluate(() => {
    const out = [];
    let file = "";
    for (const row of document.querySelectorAll(".markers-panel .monaco-list-row")) {
      const label = row.getAttribute("aria-label") ?? "";
      const inFile = /problems? in file (.+?) of folder/.exec(label);
      if (inFile) {
        file = inFile[1];
        continue;
      }
      // A diagnostic's related locations are rows of their own, without an icon.
      if (!row.querySelector(".marker-icon")) {
        continue;
      }
      const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? "";
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(text(".marker-line"));
      const icon = row.querySelector(".marker-icon")?.className ?? "";
      out.push({
        file,
        severity: ["error", "warning", "info"].find((s) => icon.includes(s)) ?? icon,
        message: text(".marker-message"),
        source: text(".marker-source"),
        code: text(".marker-code"),
        line: position ? Number(position[1]) : 0,
        column: position ? Number(position[2]) : 0,
      });
    }
    return out;
  });
}

const describe = (rows) =>
  `[${rows.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`).join(", ")}]`;

/** The 1-based column at which `text` starts on a 1-based line of a file, in UTF-16 units. */
function columnOf(file, line, text) {
  const lines = fs.readFileSync(path.join(work, file), "utf8").split(/\r?\n/);
  const index = (lines[line - 1] ?? "").indexOf(text);
  return index < 0 ? -1 : index + 1;
}

// Presses Control+End until the status bar shows the cursor on the file's
// last line: a key pressed while the command palette is still closing is lost,
// and the text typed next would land wherever the cursor was.
async function toEnd(page, file) {
  const last = fs.readFileSync(path.join(work, file), "utf8").split(/\r?\n/).length;
  const position = page.locator(".statusbar-item", { hasText: /Ln \d+, Col \d+/ }).first();
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.keyboard.press("Control+End");
    const shown = await position.textContent({ timeout: 1000 }).catch(() => "");
    if (shown.includes(`Ln ${last},`)) {
      return true;
    }
    await page.waitForTimeout(250);
  }
  return false;
}

function lineOf(file, text) {
  const lines = fs.readFileSync(path.join(work, file), "utf8").split(/\r?\n/);
  return lines.findIndex((l) => l.includes(text)) + 1;
}

const SEVERITY = { error: "error", warning: "warning", information: "info" };

function matching(rows, file, e) {
  const column = e.text ? columnOf(file, e.line, e.text) : undefined;
  return rows.find(
    (p) =>
      p.file === file &&
      p.source === "copydesk" &&
      p.code === e.code &&
      p.line === e.line &&
      (column === undefined || p.column === column),
  );
}

async function hoverText(page, line, column) {
  await goTo(page, line, column);
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Control+I");
  const hover = page.locator(".monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content").first();
  await hover.waitFor({ state: "visible", timeout: WAIT_MS }).catch(() => undefined);
  const text = (await hover.textContent().catch(() => "")) ?? "";
  await page.keyboard.press("Escape");
  return text;
}

/**
 * Applies the quick fix titled `fix.title` for the diagnostic at `fix.text` as a
 * user does (cursor on it, Ctrl+., pick it), saves, and checks that it is gone.
 */
async function applyFix(page, file, fix, name) {
  let rows = await problems(page);
  if (!check(`${name}: the diagnostic is there first`, matching(rows, file, fix) !== undefined, describe(rows))) {
    return;
  }
  const before = rows.filter((p) => p.file === file && p.code === fix.code).length;
  const action = page.locator(".action-widget .monaco-list-row", { hasText: fix.title }).first();
  let offered = false;
  let menu = "";
  // Code actions are computed as the cursor arrives; a menu opened too early can
  // come up empty, so a user (and this test) opens it again.
  for (let attempt = 0; attempt < 3 && !offered; attempt += 1) {
    await page.keyboard.press("Escape");
    await focusEditor(page);
    await goTo(page, fix.line, columnOf(file, fix.line, fix.text));
    await page.keyboard.press("Control+.");
    offered = await action
      .waitFor({ state: "visible", timeout: WAIT_MS / 3 })
      .then(() => true)
      .catch(() => false);
    menu = (await page.locator(".action-widget").textContent().catch(() => "")) ?? "";
  }
  if (!check(`${name}: offered in the quick-fix menu`, offered, JSON.stringify(menu))) {
    await page.keyboard.press("Escape");
    return;
  }
  await action.click();
  check(`${name}: the fixed article is checked on save`, await save(page, file));
  // The flagged text may have moved (a line inserted above it) or changed (the fix itself).
  // Another diagnostic still listed shows the panel is up to date, not empty for a moment.
  const [witness] = expect.diagnostics.filter((e) => !e.pending && e.line < fix.line);
  const gone = await until(async () => {
    const line = lineOf(file, fix.text);
    const all = await problems(page);
    rows = all.filter((p) => p.file === file && p.code === fix.code);
    const fixed = line > 0 ? !matching(rows, file, { ...fix, line }) : rows.length < before;
    return fixed && matching(all, file, witness) !== undefined;
  });
  check(`${name}: the diagnostic is gone after the save`, gone, describe(rows));
}

// The session ------------------------------------------------------------------

async function session(page) {
  const article = expect.article;
  await page.goto(`http://127.0.0.1:${state.port}/?folder=${encodeURIComponent(work)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  console.log(`# ${await page.evaluate(() => navigator.userAgent)}`);

  await openFile(page, article);
  const present = expect.diagnostics.filter((e) => !e.pending);
  const USER = "Preferences: Open User Settings (JSON)";
  const MACHINE = "Preferences: Open Remote Settings (JSON)";

  // The server inside the package, with copydesk.path empty and no copydesk on PATH.
  check("the bundled server starts", await until(() => bundledServers().length === 1), bundledServers().join(","));
  await command(page, "View: Focus Problems");
  await focusEditor(page);
  let rows = [];
  check(
    `the bundled server's diagnostics are listed (${present[0].code} on line ${present[0].line})`,
    await until(async () => matching((rows = await problems(page)), article, present[0])),
    describe(rows),
  );
  check("no 'not found' notice while the bundled server runs", (await notFound(page).count()) === 0);
  // From here on the suite watches a server whose stderr and exit status it can read.
  await editSettings(page, MACHINE, machineSettingsFile, { "copydesk.path": serverCmd });
  check("setting copydesk.path replaces the bundled server", await until(() => starts() >= 1 && bundledServers().length === 0));
  check("copydesk starts for the Markdown article", await until(() => starts() >= 1), "no server started");
  await until(() => publications(article, "Open") >= 1);
  check("the article is checked on save", await save(page, article), "no check published after Ctrl+S");
  await command(page, "View: Focus Problems");
  await focusEditor(page);

  await until(async () => {
    rows = await problems(page);
    return present.every((e) => matching(rows, article, e));
  });
  for (const e of expect.diagnostics) {
    const name = `${e.code} on line ${e.line}${e.text ? ` at "${e.text}"` : ""}`;
    if (e.pending) {
      skip(name, e.pending);
      continue;
    }
    const row = matching(rows, article, e);
    if (check(`Problems lists ${name}`, row !== undefined, describe(rows)) && e.severity) {
      check(`${name} is an ${e.severity} (from settings)`, row.severity === SEVERITY[e.severity], row.severity);
    }
  }
  for (const line of expect.quiet) {
    const here = rows.filter((p) => p.file === article && p.line === line);
    check(`line ${line} stays quiet`, here.length === 0, describe(here));
  }
  const squiggles = await page.locator(".monaco-editor .squiggly-error").count();
  check("the editor draws error squiggles", squiggles > 0, `${squiggles} squiggles`);

  // Hover on a person's name.
  const hover = expect.hover;
  if (hover.pending) {
    skip(`hover on ${hover.text}`, hover.pending);
  } else {
    await focusEditor(page);
    const text = await hoverText(page, hover.line, columnOf(article, hover.line, hover.text) + 1);
    for (const want of hover.contains) {
      check(`hover on ${hover.text} shows "${want}"`, text.includes(want), JSON.stringify(text));
    }
  }

  // Quick fixes from the quick-fix menu, each followed by a save.
  for (const fix of expect.quickFixes) {
    const name = `quick fix "${fix.title}" for ${fix.code} on line ${fix.line}`;
    if (fix.pending) {
      skip(name, fix.pending);
    } else {
      await applyFix(page, article, fix, name);
    }
  }

  // A second save after an edit checks again.
  const edit = expect.edit;
  await focusEditor(page);
  check("the cursor goes to the end of the article", await toEnd(page, article));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type(edit.append);
  const typed = await page
    .locator(".monaco-editor.focused .view-lines", { hasText: edit.append })
    .waitFor({ timeout: WAIT_MS })
    .then(() => true)
    .catch(() => false);
  check("the typed line shows in the editor", typed);
  check("the edited article is checked on the second save", await save(page, article));
  const added = lineOf(article, edit.append);
  const appended = { line: added, code: edit.code, text: edit.text };
  check(
    `the new line ${added} has ${edit.code}`,
    await until(async () => matching((rows = await problems(page)), article, appended)),
    describe(rows),
  );

  // A settings change reaches the server without a reload.
  const [first] = present;
  await editSettings(page, USER, userSettingsFile, userSettings({ ...expect.settings.rules, [first.code]: "warning" }));
  check(
    `after a settings change, ${first.code} is a warning without a reload`,
    await until(async () => matching((rows = await problems(page)), article, first)?.severity === "warning"),
    describe(rows),
  );
  await editSettings(page, USER, userSettingsFile, userSettings(expect.settings.rules));

  // Plain text.
  const plain = expect.plaintext;
  await openFile(page, plain.file);
  check(
    `Problems lists ${plain.code} on line ${plain.line} of the plain-text note`,
    await until(async () => matching((rows = await problems(page)), plain.file, plain)),
    describe(rows),
  );
  await openFile(page, article);

  // "copydesk: Show actors in this article": a quick pick of the server's outline.
  const actors = expect.actors;
  if (actors.pending) {
    skip("Show actors in this article", actors.pending);
  } else {
    await command(page, "copydesk: Show actors in this article");
    const list = page.locator(".quick-input-list .monaco-list-row", { hasText: actors.name }).first();
    const shown = await list
      .waitFor({ state: "visible", timeout: WAIT_MS })
      .then(() => list.textContent())
      .catch(() => "");
    check(`Show actors lists ${actors.name} as ${actors.role}`, shown.includes(actors.role), JSON.stringify(shown));
    await page.keyboard.press("Escape");
  }

  // "copydesk: Restart server": the old server shuts down cleanly, a new one checks the article.
  const startsBefore = starts();
  const exitsBefore = exits().length;
  await command(page, "copydesk: Restart server");
  check("Restart server stops the server cleanly", await until(() => exits().length > exitsBefore && exits().at(-1) === "0"), exits().join(","));
  check("Restart server starts a new server", await until(() => starts() > startsBefore));
  check("the new server checks the open article", await until(() => publications(article, "Open") >= 2));

  // A binary that is not there: a clear message, not a stack trace.
  await editSettings(page, MACHINE, machineSettingsFile, { "copydesk.path": path.join(work, "no-such-dir", "copydesk") });
  const notice = notFound(page).first();
  const noticeText = await notice
    .waitFor({ state: "visible", timeout: WAIT_MS })
    .then(() => notice.textContent())
    .catch(() => "");
  check(
    "a missing binary gets a message naming the bundled build, copydesk.path and cargo install",
    ["built for your platform", "copydesk.path", "cargo install --locked --path ."].every((s) => noticeText.includes(s)),
    JSON.stringify(noticeText),
  );
  const startsMissing = starts();
  await editSettings(page, MACHINE, machineSettingsFile, { "copydesk.path": serverCmd });
  check("setting copydesk.path back starts the server again", await until(() => starts() > startsMissing));
  check("the 'not found' notice goes once the server has started", await until(async () => (await notFound(page).count()) === 0));
  await command(page, "Notifications: Show Notifications");
  const centre = page.locator(".notifications-center .notification-list-item");
  const listed = await centre.filter({ hasText: "was not found" }).count();
  check("the notification centre keeps no 'not found' notice", listed === 0, `${listed} listed`);
  // Requests VS Code made while a server stopped (restart, path changes) must not surface as errors.
  const failures = await centre.filter({ hasText: /Request \S+ failed/ }).allTextContents();
  check("no request failed while servers stopped and started", failures.length === 0, JSON.stringify(failures));
  await command(page, "Notifications: Hide Notifications");
}

// Main -------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(profile, { recursive: true });
  fs.writeFileSync(path.join(profile, "config.yaml"), "auth: none\ncert: false\n");
  writeJson(userSettingsFile, userSettings(expect.settings.rules));
  // Empty: the server bundled with the extension.
  writeJson(machineSettingsFile, { "copydesk.path": "" });
  const dropped = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d && !pathWithoutCopydesk.includes(d));
  console.log(`# code-server's PATH has no copydesk${dropped.length ? ` (left out: ${dropped.join(", ")})` : ""}`);

  const install = await run(codeServer, [...codeServerArgs(), "--install-extension", vsix]);
  if (!check("code-server installs the .vsix", install.code === 0, install.out)) {
    return;
  }
  const server = await startCodeServer();
  state.port = server.port;
  if (!check("code-server starts", server.port !== undefined)) {
    return;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  state.page = page;
  try {
    await session(page);
  } catch (err) {
    check("the session ran to the end", false, err.stack);
  } finally {
    await page.screenshot({ path: path.join(logs, "vscode-last.png") }).catch(() => undefined);
    state.page = undefined;
    await browser.close();
  }

  // Quitting the editor: the extension host deactivates, and every server it started gets shutdown and exit.
  const exitsBefore = exits().length;
  server.child.kill("SIGTERM");
  await server.exited;
  await until(() => exits().length >= starts(), 10_000);
  check(
    "every server shuts down cleanly when VS Code quits",
    exits().length > exitsBefore && exits().length === starts() && exits().every((s) => s === "0"),
    `${starts()} started, exit statuses: ${exits().join(",")}`,
  );
}

const watchdog = setTimeout(() => {
  check("the suite finished in time", false, `still running after ${SUITE_MS / 1000} s`);
  console.log(`vscode: ${passed} passed, ${failed} failed, ${pending} skipped`);
  process.exit(1);
}, SUITE_MS);

try {
  await main();
} catch (err) {
  check("the suite ran", false, err.stack);
}
clearTimeout(watchdog);
console.log(`vscode: ${passed} passed, ${failed} failed, ${pending} skipped`);
process.exit(failed > 0 ? 1 : 0);
