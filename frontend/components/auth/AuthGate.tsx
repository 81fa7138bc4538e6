"use client";

import { type ReactNode, useEffect, useState } from "react";

import { Skeleton } from "@/components/ui/skeleton";
import { fetchConfig } from "@/lib/api/auth";
import { useSession } from "@/store/session";

import { SignInPage } from "./SignInPage";

type Accounts = "checking" | "on" | "off";

/**
 * The studio, or the sign-in page first when the backend has accounts (`GET /api/config` →
 * `auth_enabled`) and nobody is signed in. A backend without accounts, or one that cannot be
 * reached, gets the studio as it always was (which says so itself when it cannot reach it).
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const [accounts, setAccounts] = useState<Accounts>("checking");
  const token = useSession((s) => s.token);
  useEffect(() => {
    const controller = new AbortController();
    fetchConfig(controller.signal)
      .then((config) => setAccounts(config.auth_enabled ? "on" : "off"))
      .catch(() => {
        if (!controller.signal.aborted) setAccounts("off");
      });
    return () => controller.abort();
  }, []);

  if (accounts === "checking") {
    return (
      <div className="mx-auto grid max-w-6xl gap-4 px-4 py-6" aria-busy="true" aria-label="Loading the studio">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (accounts === "on" && !token) return <SignInPage />;
  return <>{children}</>;
}
