/**
 * Real servers for the end-to-end suite: the FastAPI backend on local providers and a
 * production build of the studio, each on a free port, each stopped with its process group.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FRONTEND_DIR = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
export const BACKEND_DIR = path.resolve(FRONTEND_DIR, "../backend");
export const ARTIFACTS_DIR = path.join(FRONTEND_DIR, "test-artifacts", "e2e");
/** The backend's Python: its own venv, or E2E_PYTHON (a git worktree shares the main venv). */
const PYTHON = process.env.E2E_PYTHON || path.join(BACKEND_DIR, ".venv", "bin", "python");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface Running {
  url: string;
  stop: () => Promise<void>;
}

function logFile(name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return createWriteStream(path.join(ARTIFACTS_DIR, `${name}.log`));
}

function launch(
  name: string,
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true });
  const log = logFile(name);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // Already gone.
        }
      }, 5000).unref();
    });
}

export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function startBackend(
  port: number,
  studioOrigin: string,
  mediaRoot: string,
): Promise<Running> {
  const url = `http://127.0.0.1:${port}`;
  const child = launch(
    "backend",
    PYTHON,
    ["-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", String(port)],
    BACKEND_DIR,
    {
      MEDIA_ROOT: mediaRoot,
      PUBLIC_BASE_URL: url,
      CORS_ORIGINS: studioOrigin,
      // The suite proves the keyless path, whatever keys the machine happens to have.
      DIRECTOR_PROVIDER: "local",
      IMAGE_PROVIDER: "local",
      MOTION_PROVIDER: "local",
      MUSIC_PROVIDER: "local",
      VOICE_PROVIDER: "local",
      // espeak-ng: the quickest offline voice, so the ad is voiced and captioned in little time.
      VOICE_NAME: "espeak",
    },
  );
  await waitForHttp(`${url}/health`, child);
  return { url, stop: stopper(child) };
}

const E2E_DIST_DIR = ".next-e2e";

/** `next build` with the backend's URL baked in (NEXT_PUBLIC_* are inlined at build time). */
export function buildFrontend(apiUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = launch("frontend-build", path.join(FRONTEND_DIR, "node_modules", ".bin", "next"), ["build"], FRONTEND_DIR, {
      NEXT_PUBLIC_API_URL: apiUrl,
      NEXT_DIST_DIR: E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${code}); see frontend-build.log`)),
    );
  });
}

export async function startFrontend(port: number): Promise<Running> {
  const url = `http://127.0.0.1:${port}`;
  const child = launch(
    "frontend",
    path.join(FRONTEND_DIR, "node_modules", ".bin", "next"),
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    FRONTEND_DIR,
    { NEXT_DIST_DIR: E2E_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  );
  await waitForHttp(url, child);
  return { url, stop: stopper(child) };
}
