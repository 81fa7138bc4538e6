"use client";

import { useEffect } from "react";

/**
 * Start a step's work on arrival when there is nothing to show yet (`when`), as a user expects
 * of "next": the gallery paints, the storyboard plans, the ad composes.
 */
export function useAutoStart(when: boolean, start: () => Promise<unknown>): void {
  useEffect(() => {
    if (when) void start();
  }, [when, start]);
}
