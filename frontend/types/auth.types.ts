/** Accounts, as the backend's `/api/auth` answers them (generated types, the seed's names). */
import type { Schemas } from "./shared.types";

export type SignedIn = Schemas["SignedIn"];
export type UserInfo = Schemas["UserInfo"];
export type StudioConfig = Schemas["StudioConfig"];
