"use client";

import { LogOut } from "lucide-react";

import { Button } from "@/components/ui/button";
import { useAppStore } from "@/store/appStore";
import { useSession } from "@/store/session";

/** Sign out (accounts on only): the token is forgotten, and so is the work on this screen,
 * which stays in the user's projects on the server. */
export function SignOutButton() {
  const user = useSession((s) => s.user);
  const token = useSession((s) => s.token);
  if (!token) return null;
  return (
    <Button
      size="sm"
      variant="ghost"
      title={user ? `Signed in as ${user.email ?? user.name}` : undefined}
      onClick={() => {
        useAppStore.getState().reset();
        useSession.getState().signOut();
      }}
    >
      <LogOut aria-hidden /> <span className="max-sm:sr-only">Sign out</span>
    </Button>
  );
}
