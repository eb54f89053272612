// Packages the extension.
//
//   npm run package                          copydesk.vsix: no server inside; it runs the copydesk on PATH
//   npm run package -- --target linux-x64    copydesk-linux-x64.vsix, with the release build of copydesk inside
//
// --target takes VS Code's platform names (one or more --target flags). The
// server is built with `cargo build --release --locked` for the matching Rust
// target; the Rust target must be installed (`rustup target add …`) and able to
// link for a platform other than this one. COPYDESK_BINARY=path uses a binary
// built already instead (one --target only).

import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const here = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const root = path.resolve(here, "../..");

/** VS Code's platform names, and the Rust target each one runs. */
const RUST_TARGETS = {
  "linux-x64": "x86_64-unknown-linux-gnu",
  "linux-arm64": "aarch64-unknown-linux-gnu",
  "linux-armhf": "armv7-unknown-linux-gnueabihf",
  "alpine-x64": "x86_64-unknown-linux-musl",
  "alpine-arm64": "aarch64-unknown-linux-musl",
  "darwin-x64": "x86_64-apple-darwin",
  "darwin-arm64": "aarch64-apple-darwin",
  "win32-x64": "x86_64-pc-windows-msvc",
  "win32-arm64": "aarch64-pc-windows-msvc",
};

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: here, ...options });
  if (result.status !== 0) {
    fail(`${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
}

function parseTargets(argv) {
  const targets = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = arg === "--target" ? argv[++i] : arg.startsWith("--target=") ? arg.slice(9) : undefined;
    if (value === undefined) {
      fail(`unknown argument ${arg}; use --target PLATFORM`);
    }
    if (!(value in RUST_TARGETS)) {
      fail(`unknown target ${value}; one of: ${Object.keys(RUST_TARGETS).join(", ")}`);
    }
    targets.push(value);
  }
  return targets;
}

/** Builds copydesk for a Rust target and returns the binary's path. */
function buildServer(rustTarget) {
  const host = /^host: (\S+)$/m.exec(execFileSync("rustc", ["-vV"], { encoding: "utf8" }))?.[1];
  const args = ["build", "--release", "--locked", "--bin", "copydesk", "--message-format=json-render-diagnostics"];
  if (rustTarget !== host) {
    args.push("--target", rustTarget);
  }
  console.log(`package: cargo ${args.join(" ")}`);
  const result = spawnSync("cargo", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    const hint = rustTarget === host ? "" : ` (is the target installed? rustup target add ${rustTarget}; it may need a linker for that platform)`;
    fail(`cargo build for ${rustTarget} failed${hint}`);
  }
  const executable = result.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === "compiler-artifact" && m.target?.name === "copydesk" && m.executable)?.executable;
  if (!executable) {
    fail("cargo build reported no copydesk executable");
  }
  return executable;
}

/**
 * Drops the debug info the release profile keeps for profiling: most of the
 * binary's size. Where this machine's `strip` cannot read the binary (another
 * platform's format), the binary goes in as it is.
 */
function stripDebugInfo(binary) {
  const result = spawnSync("strip", ["--strip-debug", binary], { stdio: "ignore" });
  if (result.status !== 0) {
    console.log(`package: ${binary} left unstripped (strip: ${result.error?.message ?? `exit ${result.status}`})`);
  }
}

const targets = parseTargets(process.argv.slice(2));
if (process.env.COPYDESK_BINARY && targets.length !== 1) {
  fail("COPYDESK_BINARY goes with exactly one --target");
}

run("npx", ["--no-install", "tsc", "--noEmit"]);
run("node", ["esbuild.mjs", "--production"]);

const serverDir = path.join(here, "server");
const vsce = ["--no-install", "vsce", "package", "--no-dependencies", "--skip-license"];
fs.rmSync(serverDir, { recursive: true, force: true });
if (targets.length === 0) {
  run("npx", [...vsce, "--out", "copydesk.vsix"]);
}
for (const target of targets) {
  const binary = process.env.COPYDESK_BINARY ?? buildServer(RUST_TARGETS[target]);
  if (!fs.existsSync(binary)) {
    fail(`${binary} does not exist`);
  }
  const name = target.startsWith("win32") ? "copydesk.exe" : "copydesk";
  fs.mkdirSync(serverDir, { recursive: true });
  fs.copyFileSync(binary, path.join(serverDir, name));
  fs.chmodSync(path.join(serverDir, name), 0o755);
  stripDebugInfo(path.join(serverDir, name));
  try {
    run("npx", [...vsce, "--target", target, "--out", `copydesk-${target}.vsix`]);
  } finally {
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
  console.log(`package: wrote copydesk-${target}.vsix with ${binary}`);
}
