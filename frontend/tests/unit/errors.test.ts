// @vitest-environment node
import { describe, expect, test, vi } from "vitest";

import { apiRequest } from "@/lib/api/client";
import { downloadUrl } from "@/lib/api/video";
import { env, parseApiUrl } from "@/lib/env";
import { ApiError, errorFromResponse, messageOf } from "@/lib/errors";

import { jsonResponse } from "./fixtures";

describe("errorFromResponse", () => {
  test("a domain error keeps the backend's sentence and stable code", async () => {
    const error = await errorFromResponse(
      jsonResponse(
        { detail: "The image provider is busy; try again in a minute.", code: "provider_rate_limited" },
        { status: 503 },
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("provider_rate_limited");
    expect(error.message).toBe("The image provider is busy; try again in a minute.");
    expect(error.status).toBe(503);
  });

  test("a 422 names each failing field by its path, without the 'body' prefix", async () => {
    const error = await errorFromResponse(
      jsonResponse(
        {
          detail: [
            {
              loc: ["body", "creative_brief", "product_name"],
              msg: "String should have at least 1 character",
              type: "string_too_short",
            },
            { loc: ["body", "scenes", 2, "duration"], msg: "Input should be less than or equal to 15", type: "less_than_equal" },
          ],
          code: "validation_error",
        },
        { status: 422 },
      ),
    );
    expect(error.code).toBe("validation_error");
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      "creative_brief › product_name: String should have at least 1 character; " +
        "scenes › 2 › duration: Input should be less than or equal to 15",
    );
    expect(error.message).not.toMatch(/body/);
  });

  test("a field error located on the body itself is just its message", async () => {
    const error = await errorFromResponse(
      jsonResponse(
        { detail: [{ loc: ["body"], msg: "Field required", type: "missing" }] },
        { status: 422 },
      ),
    );
    expect(error.message).toBe("Field required");
    // No code in the body: the status stands in for it.
    expect(error.code).toBe("http_422");
  });

  test("a non-JSON 502 from a proxy falls back to the status line", async () => {
    const error = await errorFromResponse(
      new Response("<html><body>Bad Gateway</body></html>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "Content-Type": "text/html" },
      }),
    );
    expect(error.code).toBe("http_502");
    expect(error.status).toBe(502);
    expect(error.message).toBe("The backend answered 502 Bad Gateway");
  });

  test("JSON without a detail also falls back to the status line", async () => {
    const error = await errorFromResponse(jsonResponse({ oops: true }, { status: 500 }));
    expect(error.code).toBe("http_500");
    expect(error.message).toBe("The backend answered 500");
  });
});

describe("parseApiUrl", () => {
  test("defaults to the local backend", () => {
    expect(parseApiUrl(undefined)).toBe("http://localhost:8000");
    expect(parseApiUrl("")).toBe("http://localhost:8000");
    expect(parseApiUrl("   ")).toBe("http://localhost:8000");
  });

  test("strips trailing slashes and surrounding spaces", () => {
    expect(parseApiUrl("https://api.example.com/")).toBe("https://api.example.com");
    expect(parseApiUrl(" http://10.0.0.2:8000/reelsmith// ")).toBe("http://10.0.0.2:8000/reelsmith");
  });

  test("rejects anything but an absolute http(s) URL", () => {
    expect(() => parseApiUrl("ftp://files.example.com")).toThrow(/http or https/);
    expect(() => parseApiUrl("/api")).toThrow(/absolute http\(s\) URL/);
    expect(() => parseApiUrl("not a url")).toThrow(/NEXT_PUBLIC_API_URL/);
  });
});

describe("apiRequest", () => {
  test("posts JSON and returns the parsed answer", async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ moods: [] }));
    vi.stubGlobal("fetch", fetchMock);
    await expect(apiRequest("/api/moods/generate", { body: { a: 1 } })).resolves.toEqual({ moods: [] });
    expect(fetchMock).toHaveBeenCalledWith(
      `${env.apiUrl}/api/moods/generate`,
      expect.objectContaining({
        method: "POST",
        body: JSON.stringify({ a: 1 }),
        headers: { "Content-Type": "application/json" },
      }),
    );
  });

  test("a request without a body is a GET", async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ status: "processing" }));
    vi.stubGlobal("fetch", fetchMock);
    await apiRequest("/api/video/status/job-1");
    expect(fetchMock).toHaveBeenCalledWith(
      `${env.apiUrl}/api/video/status/job-1`,
      expect.objectContaining({ method: "GET", body: undefined }),
    );
  });

  test("a backend error becomes an ApiError with the backend's code", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => jsonResponse({ detail: "No job job-9.", code: "job_not_found" }, { status: 404 })),
    );
    await expect(apiRequest("/api/video/status/job-9")).rejects.toMatchObject({
      name: "ApiError",
      code: "job_not_found",
      status: 404,
      message: "No job job-9.",
    });
  });

  test("a network failure says the backend is unreachable, and where", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const error = await apiRequest("/api/moods/generate", { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "backend_unreachable", status: null });
    expect(messageOf(error)).toContain(env.apiUrl);
  });

  test("an aborted request rethrows the abort, not 'unreachable'", async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException("The operation was aborted.", "AbortError");
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(abort)));
    await expect(apiRequest("/api/video/status/job-1", { signal: controller.signal })).rejects.toBe(abort);
  });

  test("a 200 that is not JSON is a bad_response", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("<html></html>", { status: 200 })));
    await expect(apiRequest("/api/health")).rejects.toMatchObject({ code: "bad_response" });
  });
});

describe("downloadUrl", () => {
  test("asks the backend to send the file as an attachment under the given name", () => {
    const url = new URL(downloadUrl("http://localhost:8000/media/final/ad-1.mp4", "glow-drops-ad.mp4"));
    expect(url.pathname).toBe("/media/final/ad-1.mp4");
    expect(url.searchParams.get("download")).toBe("glow-drops-ad.mp4");
  });

  test("a relative media path is resolved against the backend", () => {
    const url = new URL(downloadUrl("/media/final/ad-1.mp4", "x-ad.mp4"));
    expect(url.origin).toBe(new URL(env.apiUrl).origin);
    expect(url.pathname).toBe("/media/final/ad-1.mp4");
  });
});
