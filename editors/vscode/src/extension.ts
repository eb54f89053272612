// The copydesk extension: starts `copydesk --stdio` for Markdown and plain
// text, passes settings on without a reload, and adds two commands.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

import { showActors } from "./actors";
import { findBinary } from "./binary";
import { folderOf, SECTION, serverSettings } from "./settings";

const INSTALL_GUIDE =
  "https://github.com/copydesk/copydesk/blob/main/editors/README.md#install-copydesk";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
/** Starts and stops run one after another, so a restart never races a start. */
let queue: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("copydesk.restartServer", () =>
      serially(async () => {
        await stop();
        await start();
      }),
    ),
    vscode.commands.registerCommand("copydesk.showActors", () => showActors(client)),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );
  await serially(start);
}

export function deactivate(): Promise<void> {
  return serially(stop);
}

function serially(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task);
  return queue;
}

async function start(): Promise<void> {
  const setting = vscode.workspace.getConfiguration(SECTION).get<string>("path", "copydesk");
  const lookup = findBinary(setting, folderOf());
  if (!lookup.found) {
    output.appendLine(`copydesk: not started: ${lookup.reason}`);
    void explainMissing(lookup.reason);
    return;
  }
  const executable = { command: lookup.path, args: ["--stdio"] };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    // Only real files and new buffers: a diff or a git view of the same file must not get diagnostics twice.
    documentSelector: ["file", "untitled"].flatMap((scheme) => [
      { scheme, language: "markdown" },
      { scheme, language: "plaintext" },
    ]),
    outputChannel: output,
    initializationOptions: serverSettings(),
    middleware: {
      workspace: {
        // Answer the server's pull with the server's settings only, shaped as it expects.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, i) =>
            item.section === SECTION
              ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : answers[i],
          );
        },
      },
    },
  };
  const created = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  try {
    await created.start();
    client = created;
    output.appendLine(`copydesk: started ${lookup.path}`);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    output.appendLine(`copydesk: ${lookup.path} failed to start: ${reason}`);
    void created.dispose().catch(() => undefined);
    // Not awaited: a restart must not wait for the user to close the message.
    void vscode.window
      .showErrorMessage(`copydesk: the server at ${lookup.path} did not start (${reason}).`, "Show log")
      .then((choice) => choice === "Show log" && output.show());
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    // dispose() sends shutdown and exit, then waits for the server to go.
    await running.dispose();
  }
}

async function explainMissing(reason: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(
    `copydesk: the copydesk language server was not found (${reason}). ` +
      "Install it with: cargo install --git https://github.com/copydesk/copydesk, " +
      'or set "copydesk.path" to the binary, then run "copydesk: Restart server".',
    "How to install",
    "Open settings",
  );
  if (choice === "How to install") {
    void vscode.env.openExternal(vscode.Uri.parse(INSTALL_GUIDE));
  } else if (choice === "Open settings") {
    void vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.path");
  }
}

function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
  if (event.affectsConfiguration(`${SECTION}.path`)) {
    void serially(async () => {
      await stop();
      await start();
    });
  } else if (event.affectsConfiguration(SECTION) && client?.isRunning()) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: serverSettings() },
    });
  }
}
