// "copydesk: Show actors in this article": the server's document symbols
// (people and organisations, each with its role) in a quick pick that jumps
// to the first reference.

import * as vscode from "vscode";
import {
  DocumentSymbol,
  DocumentSymbolRequest,
  LanguageClient,
  SymbolInformation,
} from "vscode-languageclient/node";

interface ActorItem extends vscode.QuickPickItem {
  range: vscode.Range;
}

export async function showActors(client: LanguageClient | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !["markdown", "plaintext"].includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(
      "copydesk: open a Markdown or plain-text article to see its actors.",
    );
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage(
      "copydesk: the server is not running. Run \"copydesk: Restart server\" and try again.",
    );
    return;
  }
  if (!client.initializeResult?.capabilities.documentSymbolProvider) {
    void vscode.window.showInformationMessage(
      "copydesk: this version of the copydesk server does not list actors; update copydesk.",
    );
    return;
  }
  const document = editor.document;
  const symbols = await client.sendRequest(DocumentSymbolRequest.type, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
  });
  const items = (symbols ?? []).map((symbol) => item(client, symbol));
  if (items.length === 0) {
    void vscode.window.showInformationMessage("copydesk: no actors found in this article.");
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `Actors in ${vscode.workspace.asRelativePath(document.uri)}`,
    placeHolder: "Go to an actor's first reference",
    matchOnDescription: true,
  });
  if (picked) {
    editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
    editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function item(client: LanguageClient, symbol: DocumentSymbol | SymbolInformation): ActorItem {
  const p2c = client.protocol2CodeConverter;
  const range = "selectionRange" in symbol ? symbol.selectionRange : symbol.location.range;
  const references = "children" in symbol ? (symbol.children?.length ?? 0) : 0;
  const line = `line ${range.start.line + 1}`;
  return {
    label: symbol.name,
    description: "detail" in symbol ? symbol.detail : undefined,
    detail: references > 0 ? `${line} · ${references} references` : line,
    range: p2c.asRange(range),
  };
}
