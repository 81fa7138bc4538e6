/**
 * Who is signed in: the access token the backend gave at sign-in, and whose it is. Kept apart
 * from the studio's work (`appStore`), under its own storage key, so that signing out forgets
 * the token without touching a project, and a migration of the work never touches the token.
 * Only used when the backend says accounts are on (`GET /api/config` → `auth_enabled`).
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

import type { SignedIn, UserInfo } from "@/types/auth.types";

export const SESSION_STORE_NAME = "reelsmith-session";

export interface SessionState {
  token: string | null;
  user: UserInfo | null;
  expiresAt: string | null;
  /** Who signed in last on this browser (kept after signing out): the work on screen is
   * theirs, and is cleared when someone else signs in. */
  lastUserId: string | null;
  /** Why the studio is back at the sign-in page (an expired sign-in), shown there once. */
  notice: string | null;
  signIn: (signedIn: SignedIn) => void;
  signOut: (notice?: string) => void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      user: null,
      expiresAt: null,
      lastUserId: null,
      notice: null,
      signIn: ({ access_token, user, expires_at }) =>
        set({ token: access_token, user, expiresAt: expires_at, lastUserId: user.user_id, notice: null }),
      signOut: (notice) => set({ token: null, user: null, expiresAt: null, notice: notice ?? null }),
    }),
    {
      name: SESSION_STORE_NAME,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ token, user, expiresAt, lastUserId }) => ({ token, user, expiresAt, lastUserId }),
    },
  ),
);

/** The `Authorization` header of the signed-in user, or none. */
export function authHeaders(): Record<string, string> {
  const token = useSession.getState().token;
  return token ? { Authorization: `Bearer ${token}` } : {};
}
