// Finding the copydesk binary: the one `copydesk.path` names, else the one
// bundled with a platform package of the extension, else `copydesk` on PATH.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type Lookup =
  | { found: true; path: string; bundled: boolean }
  | { found: false; setting: string; reason: string };

/** Where a platform package of the extension carries the server. */
export function bundledBinary(extensionPath: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(extensionPath, "server", platform === "win32" ? "copydesk.exe" : "copydesk");
}

/**
 * The server to run. A non-empty `setting` names it: a command looked up on
 * PATH, or a path (absolute, `~/…`, or relative to `base`, the workspace
 * folder). An empty one means the `bundled` binary when it is there, else
 * `copydesk` on PATH.
 */
export function findBinary(
  setting: string,
  base: string | undefined,
  bundled?: string,
  env: NodeJS.ProcessEnv = process.env,
): Lookup {
  const given = setting.trim();
  if (!given) {
    if (bundled && isExecutableFile(bundled)) {
      return { found: true, path: bundled, bundled: true };
    }
    const onPath = searchPath("copydesk", env);
    return onPath
      ? { found: true, path: onPath, bundled: false }
      : {
          found: false,
          setting: "",
          reason: "this build of the extension carries no server, and copydesk is not on PATH",
        };
  }
  const name = given;
  if (!isPathLike(name)) {
    const onPath = searchPath(name, env);
    return onPath
      ? { found: true, path: onPath, bundled: false }
      : { found: false, setting: name, reason: `"${name}" is not on PATH` };
  }
  const full = resolvePath(name, base);
  if (!fs.existsSync(full)) {
    return { found: false, setting: name, reason: `${full} does not exist` };
  }
  if (!isExecutableFile(full)) {
    return { found: false, setting: name, reason: `${full} is not an executable file` };
  }
  return { found: true, path: full, bundled: false };
}

/** A user-given path made absolute: `~/` is the home folder, relative paths start at `base`. */
export function resolvePath(given: string, base: string | undefined): string {
  const expanded =
    given === "~" || given.startsWith("~/") ? path.join(os.homedir(), given.slice(1)) : given;
  return path.resolve(base ?? process.cwd(), expanded);
}

function isPathLike(name: string): boolean {
  return name.includes("/") || name.includes(path.sep) || name.startsWith("~");
}

function searchPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter(Boolean);
  const suffixes =
    process.platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";")] : [""];
  for (const dir of dirs) {
    for (const suffix of suffixes) {
      const candidate = path.join(dir, name + suffix);
      if (isExecutableFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
