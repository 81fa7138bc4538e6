import { describe, expect, test } from "vitest";

import { ApiError } from "@/lib/errors";
import { useAppStore } from "@/store/appStore";
import { toErrorInfo, tracked } from "@/store/requests";

import { deferred } from "./fixtures";

const requests = () => useAppStore.getState().requests;

describe("tracked", () => {
  test("shows loading while the work runs, then clears and returns the result", async () => {
    const work = deferred<string>();
    const running = tracked("moods", () => work.promise);
    expect(requests().moods).toEqual({ state: "loading" });

    work.resolve("three moods");
    await expect(running).resolves.toBe("three moods");
    expect(requests()).not.toHaveProperty("moods");
  });

  test("a failure keeps the backend's code and sentence, and returns undefined", async () => {
    const result = await tracked("seeds", async () => {
      throw new ApiError("provider_error", "The image provider failed.", 502);
    });
    expect(result).toBeUndefined();
    expect(requests().seeds).toEqual({
      state: "error",
      error: { code: "provider_error", message: "The image provider failed." },
    });
  });

  test("anything else thrown is an 'unexpected' error with its message", async () => {
    await tracked("plan", async () => {
      throw new TypeError("scenes is undefined");
    });
    expect(requests().plan).toEqual({
      state: "error",
      error: { code: "unexpected", message: "scenes is undefined" },
    });
    expect(toErrorInfo("just a string")).toEqual({ code: "unexpected", message: "just a string" });
  });

  test("trying again replaces the error with loading, then clears it", async () => {
    await tracked("compose", async () => {
      throw new ApiError("render_failed", "FFmpeg stopped.");
    });
    const work = deferred<void>();
    const retry = tracked("compose", () => work.promise);
    expect(requests().compose).toEqual({ state: "loading" });
    work.resolve();
    await retry;
    expect(requests().compose).toBeUndefined();
  });

  test("requests under different keys do not disturb each other", async () => {
    const seed2 = deferred<void>();
    const running = tracked("seed-2", () => seed2.promise);
    await tracked("seed-3", async () => {
      throw new ApiError("provider_timed_out", "Too slow.");
    });
    expect(requests()["seed-2"]).toEqual({ state: "loading" });
    expect(requests()["seed-3"]?.state).toBe("error");
    seed2.resolve();
    await running;
    expect(Object.keys(requests())).toEqual(["seed-3"]);
  });
});
