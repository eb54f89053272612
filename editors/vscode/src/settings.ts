// The server's settings, as the `copydesk` section of workspace/configuration,
// initializationOptions and workspace/didChangeConfiguration carry them.
// `copydesk.path` and `copydesk.trace.server` belong to the extension and stay here.

import * as vscode from "vscode";

import { resolvePath } from "./binary";

export const SECTION = "copydesk";

export function serverSettings(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const settings: Record<string, unknown> = {
    checkOn: config.get<string>("checkOn", "save"),
    debounceMs: config.get<number>("debounceMs", 300),
    style: config.get<string>("style", "ap"),
    rules: config.get<Record<string, string>>("rules", {}),
  };
  const people = config.get<string>("people", "").trim();
  if (people) {
    // The server has no workspace folder to resolve against: send an absolute path.
    settings.people = resolvePath(people, folderOf(scope));
  }
  return settings;
}

/** The folder that relative paths in settings start from. */
export function folderOf(scope?: vscode.Uri): string | undefined {
  const folder =
    (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === "file" ? folder.uri.fsPath : undefined;
}
