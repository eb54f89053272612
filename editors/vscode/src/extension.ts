// The copydesk extension: starts `copydesk --stdio` for Markdown and plain
// text, passes settings on without a reload, and adds two commands.

import * as vscode from "vscode";
import {
  CancellationToken,
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  MessageSignature,
  ServerOptions,
} from "vscode-languageclient/node";

import { showActors } from "./actors";
import { bundledBinary, findBinary } from "./binary";
import { folderOf, SECTION, serverSettings } from "./settings";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
/** The server a platform package of the extension carries. */
let bundled: string | undefined;
/** Ends the "not found" notice; set while it is shown. */
let dismissMissing: (() => void) | undefined;
/** Starts and stops run one after another, so a restart never races a start. */
let queue: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk");
  bundled = bundledBinary(context.extensionPath);
  context.subscriptions.push(
    output,
    { dispose: () => dismissMissing?.() },
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
  const setting = vscode.workspace.getConfiguration(SECTION).get<string>("path", "");
  const lookup = findBinary(setting, folderOf(), bundled);
  if (!lookup.found) {
    output.appendLine(`copydesk: not started: ${lookup.reason}`);
    explainMissing(lookup.reason);
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
  const created = new Client("copydesk", "copydesk", serverOptions, clientOptions);
  try {
    await created.start();
    client = created;
    dismissMissing?.();
    output.appendLine(`copydesk: started ${lookup.bundled ? "the bundled server " : ""}${lookup.path}`);
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

/**
 * A language client whose requests fail quietly once it has left the running
 * state. VS Code asks for code actions, hovers and highlights by itself as the
 * cursor moves; one asked just before a restart or a new copydesk.path can
 * reach the client while it stops, and vscode-languageclient 9 then fails it
 * with "Starting server failed" (its `$start` finds no running connection)
 * and shows that as an error notice. Such a request gets the empty answer, as
 * the library itself gives one asked after the client stopped. A request that
 * fails while the server runs is still reported.
 */
class Client extends LanguageClient {
  override handleFailedRequest<T>(
    type: MessageSignature,
    token: CancellationToken | undefined,
    error: unknown,
    defaultValue: T,
    showNotification?: boolean,
  ): T {
    if (!this.isRunning()) {
      return defaultValue;
    }
    return super.handleFailedRequest(type, token, error, defaultValue, showNotification);
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

/**
 * Says that the server was not found and what to do, until a server starts or
 * the user closes the notice. A progress notification is the one kind that an
 * extension can take down again.
 */
function explainMissing(reason: string): void {
  dismissMissing?.();
  const openSettings = `command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify(["copydesk.path"]))}`;
  const message =
    `the copydesk language server was not found (${reason}). Install the copydesk extension built for ` +
    `your platform (copydesk-linux-x64.vsix and the like): it has the server inside. Or set ` +
    `[copydesk.path](${openSettings}) to a copydesk binary, or build one in a copydesk checkout with ` +
    '"cargo install --locked --path ." and run "copydesk: Restart server".';
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "copydesk", cancellable: true },
    (progress, token) =>
      new Promise<void>((resolve) => {
        progress.report({ message });
        const done = (): void => {
          if (dismissMissing === done) {
            dismissMissing = undefined;
          }
          resolve();
        };
        dismissMissing = done;
        token.onCancellationRequested(done);
      }),
  );
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
