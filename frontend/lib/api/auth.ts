import type { SignedIn, StudioConfig, UserInfo } from "@/types/auth.types";

import { apiRequest } from "./client";

/** The backend's rules, and whether it has accounts (`auth_enabled`): public, no token. */
export function fetchConfig(signal?: AbortSignal): Promise<StudioConfig> {
  return apiRequest<StudioConfig>("/api/config", { signal });
}

export function signIn(email: string, password: string): Promise<SignedIn> {
  return apiRequest<SignedIn>("/api/auth/login", { method: "POST", body: { email, password } });
}

export function register(email: string, password: string, name?: string): Promise<SignedIn> {
  const body = name ? { email, password, name } : { email, password };
  return apiRequest<SignedIn>("/api/auth/register", { method: "POST", body });
}

export function whoAmI(signal?: AbortSignal): Promise<UserInfo> {
  return apiRequest<UserInfo>("/api/auth/me", { signal });
}
