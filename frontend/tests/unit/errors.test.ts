// @vitest-environment node
import { describe, expect, test, vi } from "vitest";

import { apiRequest } from "@/lib/api/client";
import { downloadUrl } from "@/lib/api/video";
import { env, parseApiUrl } from "@/lib/env";
import { ApiError, backendCode, checkedFetch, errorFromResponse, messageOf, toErrorInfo } from "@/lib/errors";
import { errorCodeValues } from "@/types/api.generated";

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
    // No code in the body: a field list is still a validation error.
    expect(error.code).toBe("validation_error");
  });

  test("a non-JSON 502 from a proxy falls back to the status line", async () => {
    const error = await errorFromResponse(
      new Response("<html><body>Bad Gateway</body></html>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "Content-Type": "text/html" },
      }),
    );
    expect(error.code).toBe("http_error");
    expect(error.status).toBe(502);
    expect(error.message).toBe("The Reelsmith server could not answer (502 Bad Gateway); try again in a moment.");
  });

  test("JSON without a detail also falls back to the status line", async () => {
    const error = await errorFromResponse(jsonResponse({ oops: true }, { status: 500 }));
    expect(error.code).toBe("http_error");
    expect(error.message).toBe("The Reelsmith server could not answer (500); try again in a moment.");
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

describe("one error parser for every request", () => {
  const VALIDATION = {
    detail: [{ loc: ["body", "messages"], msg: "Input should be a valid list", type: "list_type" }],
    code: "validation_error",
    message: "Some of the request does not fit the API's schema (messages: Input should be a valid list).",
  };

  test("the chat's 422 is a sentence, never the JSON body", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => jsonResponse(VALIDATION, { status: 422 })));
    const error = await checkedFetch(env.apiUrl)(`${env.apiUrl}/api/director/chat`, { method: "POST" }).catch(
      (e: unknown) => e,
    );
    const info = toErrorInfo(error, env.apiUrl, "chat_failed");
    expect(info).toEqual({ code: "validation_error", message: "messages: Input should be a valid list" });
    expect(info.message).not.toMatch(/[{}[\]]/);
  });

  test("an error whose message is a response body is parsed, not shown", () => {
    // What a client library does with a refusal it reads itself: the body becomes the message.
    const info = toErrorInfo(new Error(JSON.stringify(VALIDATION)), env.apiUrl, "chat_failed");
    expect(info.code).toBe("validation_error");
    expect(info.message).not.toContain('"detail"');
    const unreadable = toErrorInfo(new Error('{"oops": true}'), env.apiUrl, "chat_failed");
    expect(unreadable).toEqual({
      code: "chat_failed",
      message: "The Reelsmith server sent an answer the studio could not read; try again.",
    });
  });

  test("the chat never reaching the backend says where it tried", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const error = await checkedFetch(env.apiUrl)(`${env.apiUrl}/api/director/chat`).catch((e: unknown) => e);
    expect(toErrorInfo(error)).toMatchObject({ code: "backend_unreachable" });
  });

  test("the backend's message wins over its detail, and a code it does not declare is generic", () => {
    expect(backendCode("provider_timed_out")).toBe("provider_timed_out");
    expect(backendCode("teapot")).toBeNull();
    expect(errorCodeValues).toContain("url_refused");
  });

  test("a body with an undeclared code keeps its sentence under the generic code", async () => {
    const error = await errorFromResponse(
      jsonResponse({ detail: "old words", message: "The new words.", code: "teapot" }, { status: 418 }),
    );
    expect(error).toMatchObject({ code: "http_error", message: "The new words.", status: 418 });
  });
});
