import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";

import { ProductAssets } from "@/components/vision/ProductAssets";
import { useAppStore } from "@/store/appStore";
import type { UploadedAsset } from "@/types/vision.types";

const state = () => useAppStore.getState();

function asset(id: string, kind: "product" | "logo" = "product"): UploadedAsset {
  return {
    asset_id: id,
    url: `http://localhost:8000/media/assets/${id}/${kind}.jpg`,
    width: 400,
    height: 500,
    has_alpha: false,
    cutout_url: kind === "product" ? `http://localhost:8000/media/assets/${id}/cutout.png` : null,
  };
}

function answers(...bodies: { status: number; body: unknown }[]) {
  const queue = [...bodies];
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () => {
    const next = queue.shift()!;
    return new Response(JSON.stringify(next.body), {
      status: next.status,
      headers: { "Content-Type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const png = (name = "mug.png") => new File([new Uint8Array([137, 80, 78, 71])], name, { type: "image/png" });

describe("ProductAssets", () => {
  test("shows the brand colours and font the director read, and how to give them when none", () => {
    const { rerender } = render(<ProductAssets />);
    expect(screen.getByText(/tell the director their hex codes/)).toBeInTheDocument();

    state().setCreativeBrief({
      product_name: "Kiln & Co",
      target_audience: "",
      emotional_tone: [],
      visual_style_keywords: [],
      key_messages: [],
      brand: { colors: ["#1A8C96", "#E4572E"], font: "DejaVu Serif" },
    });
    rerender(<ProductAssets />);
    const chips = screen.getByRole("list", { name: "Brand colours" });
    expect(chips).toHaveTextContent("#1A8C96");
    expect(chips).toHaveTextContent("#E4572E");
    expect(screen.getByText("Words on screen in DejaVu Serif.")).toBeInTheDocument();
  });

  test("says the photo is optional until one is added", () => {
    render(<ProductAssets />);
    expect(screen.getByText(/No product photo yet/)).toBeInTheDocument();
  });

  test("an added photo is uploaded as a product, previewed cut out, and put in the brief", async () => {
    const fetchMock = answers({ status: 201, body: asset("a1") });
    const user = userEvent.setup();
    render(<ProductAssets />);
    await user.upload(screen.getByLabelText("Add product photos"), png());

    const preview = await screen.findByAltText("Product photo 1, cut out");
    // A small preview of the cut-out is shown; the brief keeps the original photo.
    expect(preview).toHaveAttribute("src", `${asset("a1").cutout_url}?w=160`);
    expect(preview.getAttribute("srcset")).toContain(`${asset("a1").cutout_url}?w=320 320w`);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toMatch(/\/api\/assets$/);
    const form = init?.body as FormData;
    expect(form.get("kind")).toBe("product");
    expect((form.get("file") as File).name).toBe("mug.png");
    expect(state().creativeBrief?.product_images).toEqual([asset("a1").url]);
  });

  test("a photo can be replaced in place and removed", async () => {
    answers({ status: 201, body: asset("a1") }, { status: 201, body: asset("a2") }, { status: 201, body: asset("b1") });
    const user = userEvent.setup();
    render(<ProductAssets />);
    await user.upload(screen.getByLabelText("Add product photos"), [png("one.png"), png("two.png")]);
    await waitFor(() => expect(state().productPhotos).toHaveLength(2));

    await user.upload(screen.getByLabelText("Replace photo 1"), png("better.png"));
    await waitFor(() =>
      expect(state().creativeBrief?.product_images).toEqual([asset("b1").url, asset("a2").url]),
    );
    await user.click(screen.getByRole("button", { name: "Remove photo 2" }));
    expect(state().creativeBrief?.product_images).toEqual([asset("b1").url]);
  });

  test("a logo goes into the brand; removing it clears it", async () => {
    answers({ status: 201, body: asset("l1", "logo") });
    const user = userEvent.setup();
    render(<ProductAssets />);
    await user.upload(screen.getByLabelText("Add a logo"), png("logo.png"));
    expect(await screen.findByAltText("Logo")).toHaveAttribute("src", `${asset("l1", "logo").url}?w=160`);
    expect(state().creativeBrief?.brand?.logo_url).toBe(asset("l1", "logo").url);

    await user.click(screen.getByRole("button", { name: "Remove the logo" }));
    expect(state().creativeBrief?.brand).toBeUndefined();
  });

  test("a refused file shows the backend's sentence, stores nothing, and can be tried again", async () => {
    answers(
      { status: 415, body: { detail: "This file is not a photo we can use: upload a PNG, JPEG or WebP image.", code: "unsupported_image_type" } },
      { status: 201, body: asset("a1") },
    );
    const user = userEvent.setup();
    render(<ProductAssets />);
    await user.upload(screen.getByLabelText("Add product photos"), png("catalogue.png"));
    expect(await screen.findByRole("alert")).toHaveTextContent("upload a PNG, JPEG or WebP image");
    expect(state().productPhotos).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(state().productPhotos).toHaveLength(1));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("the director's brief keeps the uploads", async () => {
    answers({ status: 201, body: asset("a1") });
    const user = userEvent.setup();
    render(<ProductAssets />);
    await user.upload(screen.getByLabelText("Add product photos"), png());
    await waitFor(() => expect(state().productPhotos).toHaveLength(1));
    state().applyBriefSynthesis({
      creative_brief: { product_name: "Kiln & Co", target_audience: "", emotional_tone: [], visual_style_keywords: [], key_messages: [] },
      missing_fields: [],
      complete: false,
    });
    expect(state().creativeBrief?.product_images).toEqual([asset("a1").url]);
    expect(state().creativeBrief?.product_name).toBe("Kiln & Co");
  });
});
