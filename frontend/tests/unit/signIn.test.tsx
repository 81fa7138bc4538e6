import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";

import { AuthGate } from "@/components/auth/AuthGate";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { listProjects } from "@/lib/api/projects";
import { useAppStore } from "@/store/appStore";
import { SESSION_STORE_NAME, useSession } from "@/store/session";

import { jsonResponse } from "./fixtures";

const USER = { user_id: "u-ada", email: "ada@example.com", name: "ada", created_at: "2026-11-30T12:00:00Z" };
const SIGNED_IN = { access_token: "token-ada", token_type: "bearer", expires_at: "2026-12-01T00:00:00Z", user: USER };
const CONFIG = { storyboard: {}, brief: { required_fields: [] }, formats: ["9:16"] };

interface Call {
  path: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

/** A backend with accounts on (or off): `fetch` stubbed per "METHOD /path", every call kept. */
function backend(routes: Record<string, (call: Call) => Response>, authEnabled = true): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const call = {
        path: url.pathname,
        method: init?.method ?? "GET",
        authorization: new Headers(init?.headers).get("Authorization"),
        body: typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
      };
      calls.push(call);
      if (call.path === "/api/config") return jsonResponse({ ...CONFIG, auth_enabled: authEnabled });
      const route = routes[`${call.method} ${call.path}`];
      if (!route) throw new Error(`unexpected request ${call.method} ${call.path}`);
      return route(call);
    }),
  );
  return calls;
}

/** Type into a field at once (a paste): the typing itself is not what these tests are about. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

const refusal = (status: number, code: string, message: string) =>
  jsonResponse({ detail: message, code, message }, { status });

function Studio() {
  return (
    <div>
      <p>The studio</p>
      <SignOutButton />
    </div>
  );
}

afterEach(() => {
  useSession.getState().signOut();
  useSession.setState({ lastUserId: null });
});

// Each test walks the whole page; on a busy machine that takes more than the default 5 s.
describe("signing in", { timeout: 20_000 }, () => {
  test("accounts on: the sign-in page comes first, and signing in opens the studio with the token kept", async () => {
    const calls = backend({ "POST /api/auth/login": () => jsonResponse(SIGNED_IN) });
    render(
      <AuthGate>
        <Studio />
      </AuthGate>,
    );
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByText("The studio")).not.toBeInTheDocument();

    await fill(screen.getByLabelText("Email"), "ada@example.com");
    await fill(screen.getByLabelText("Password"), "correct horse");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("The studio")).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({
      method: "POST",
      path: "/api/auth/login",
      body: { email: "ada@example.com", password: "correct horse" },
    });
    expect(useSession.getState().token).toBe("token-ada");
    expect(JSON.parse(localStorage.getItem(SESSION_STORE_NAME) ?? "{}").state.token).toBe("token-ada");
  });

  test("a wrong password shows the backend's sentence and stays on the page", async () => {
    backend({
      "POST /api/auth/login": () =>
        refusal(401, "sign_in_failed", "The email or the password is wrong; check both and try again."),
    });
    render(
      <AuthGate>
        <Studio />
      </AuthGate>,
    );
    await fill(await screen.findByLabelText("Email"), "ada@example.com");
    await fill(screen.getByLabelText("Password"), "not the one");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText(/the password is wrong/)).toBeInTheDocument();
    expect(screen.queryByText("The studio")).not.toBeInTheDocument();
    expect(useSession.getState().token).toBeNull();
  });

  test("creating an account signs in at once", async () => {
    const calls = backend({ "POST /api/auth/register": () => jsonResponse(SIGNED_IN, { status: 201 }) });
    render(
      <AuthGate>
        <Studio />
      </AuthGate>,
    );
    await userEvent.click(await screen.findByRole("button", { name: /Create an account/ }));
    expect(screen.getByRole("heading", { name: "Create your account" })).toBeInTheDocument();
    await fill(screen.getByLabelText("Email"), "ada@example.com");
    await fill(screen.getByLabelText("Password"), "correct horse");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText("The studio")).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({ method: "POST", path: "/api/auth/register" });
  });

  test("every request carries the token, and a 401 goes back to the sign-in page with its sentence", async () => {
    useSession.getState().signIn(SIGNED_IN);
    const calls = backend({
      "GET /api/projects": () => refusal(401, "not_signed_in", "Your sign-in has expired; sign in again."),
    });
    render(
      <AuthGate>
        <Studio />
      </AuthGate>,
    );
    expect(await screen.findByText("The studio")).toBeInTheDocument();

    await expect(listProjects()).rejects.toMatchObject({ code: "not_signed_in" });
    expect(calls.find((c) => c.path === "/api/projects")?.authorization).toBe("Bearer token-ada");
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Your sign-in has expired; sign in again.");
  });

  test("signing out forgets the token and the work on screen", async () => {
    useSession.getState().signIn(SIGNED_IN);
    useAppStore.setState({ chatMessages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] }] });
    backend({});
    render(
      <AuthGate>
        <Studio />
      </AuthGate>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(useSession.getState().token).toBeNull();
    expect(useAppStore.getState().chatMessages).toEqual([]);
  });

  test("accounts off: the studio opens as always, with no sign-out and no token sent", async () => {
    const calls = backend({ "GET /api/projects": () => jsonResponse({ projects: [] }) }, false);
    render(
      <AuthGate>
        <Studio />
      </AuthGate>,
    );
    expect(await screen.findByText("The studio")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign out" })).not.toBeInTheDocument();
    await listProjects();
    await waitFor(() => expect(calls.find((c) => c.path === "/api/projects")?.authorization).toBeNull());
  });
});
