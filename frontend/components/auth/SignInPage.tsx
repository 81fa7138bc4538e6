"use client";

import { type FormEvent, useState } from "react";
import { Clapperboard, LogIn, UserPlus } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { register, signIn } from "@/lib/api/auth";
import { toErrorInfo } from "@/lib/errors";
import { env } from "@/lib/env";
import { useAppStore } from "@/store/appStore";
import { useSession } from "@/store/session";
import type { ErrorInfo } from "@/types/shared.types";

/** The smallest password the backend takes when registering. */
const MIN_PASSWORD = 8;

/** Sign in, or create an account: what a studio with accounts shows before anything else. */
export function SignInPage() {
  const [mode, setMode] = useState<"sign-in" | "register">("sign-in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const notice = useSession((s) => s.notice);
  const registering = mode === "register";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = registering
        ? await register(email.trim(), password, name.trim() || undefined)
        : await signIn(email.trim(), password);
      const previous = useSession.getState().lastUserId;
      // Someone else's work on this screen is not the new user's to see (it stays theirs).
      if (previous && previous !== signedIn.user.user_id) useAppStore.getState().reset();
      useSession.getState().signIn(signedIn);
    } catch (caught) {
      setError(toErrorInfo(caught, env.apiUrl));
      setBusy(false);
    }
  }

  function switchMode() {
    setMode(registering ? "sign-in" : "register");
    setError(null);
  }

  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-10">
      <Card className="w-full max-w-sm">
        <CardHeader className="gap-2">
          <p className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <Clapperboard className="size-5 text-brand" aria-hidden />
            Reelsmith <span className="font-normal text-muted-foreground">Studio</span>
          </p>
          <CardTitle>
            <h1 className="text-xl">{registering ? "Create your account" : "Sign in"}</h1>
          </CardTitle>
          <CardDescription>
            {registering
              ? "Your projects, clips and ads are yours alone on this server."
              : "Sign in to see your projects and make ads."}
          </CardDescription>
        </CardHeader>
        <form onSubmit={submit} noValidate={false} aria-label={registering ? "Create an account" : "Sign in"}>
          <CardContent className="grid gap-4">
            {notice && !error && (
              <Alert role="status">
                <AlertDescription>{notice}</AlertDescription>
              </Alert>
            )}
            {error && (
              <Alert variant="destructive" data-error-code={error.code}>
                <AlertDescription>{error.message}</AlertDescription>
              </Alert>
            )}
            {registering && (
              <div className="grid gap-2">
                <Label htmlFor="auth-name">Name (optional)</Label>
                <Input id="auth-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
              </div>
            )}
            <div className="grid gap-2">
              <Label htmlFor="auth-email">Email</Label>
              <Input
                id="auth-email"
                type="email"
                required
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="grid gap-2">
              <Label htmlFor="auth-password">Password</Label>
              <Input
                id="auth-password"
                type="password"
                required
                minLength={registering ? MIN_PASSWORD : undefined}
                autoComplete={registering ? "new-password" : "current-password"}
                aria-describedby={registering ? "auth-password-hint" : undefined}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              {registering && (
                <p id="auth-password-hint" className="text-xs text-muted-foreground">
                  At least {MIN_PASSWORD} characters.
                </p>
              )}
            </div>
          </CardContent>
          <CardFooter className="mt-6 flex flex-col gap-3">
            <Button type="submit" className="w-full" disabled={busy}>
              {registering ? <UserPlus aria-hidden /> : <LogIn aria-hidden />}
              {busy ? (registering ? "Creating…" : "Signing in…") : registering ? "Create account" : "Sign in"}
            </Button>
            <Button type="button" variant="link" size="sm" onClick={switchMode}>
              {registering ? "I have an account: sign in" : "New here? Create an account"}
            </Button>
          </CardFooter>
        </form>
      </Card>
    </main>
  );
}
