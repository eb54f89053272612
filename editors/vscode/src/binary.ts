// Finding the copydesk binary that `copydesk.path` names.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type Lookup =
  | { found: true; path: string }
  | { found: false; setting: string; reason: string };

/**
 * The binary named by `setting`: a command looked up on PATH, or a path
 * (absolute, `~/…`, or relative to `base`, the workspace folder).
 */
export function findBinary(
  setting: string,
  base: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Lookup {
  const name = setting.trim() || "copydesk";
  if (!isPathLike(name)) {
    const onPath = searchPath(name, env);
    return onPath
      ? { found: true, path: onPath }
      : { found: false, setting: name, reason: `"${name}" is not on PATH` };
  }
  const full = resolvePath(name, base);
  if (!fs.existsSync(full)) {
    return { found: false, setting: name, reason: `${full} does not exist` };
  }
  if (!isExecutableFile(full)) {
    return { found: false, setting: name, reason: `${full} is not an executable file` };
  }
  return { found: true, path: full };
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
