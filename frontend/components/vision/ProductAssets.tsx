"use client";

import { useRef, useState } from "react";
import { ImagePlus, Loader2, RefreshCw, Trash2 } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ACCEPTED_IMAGES, uploadAsset } from "@/lib/api/assets";
import { toErrorInfo } from "@/lib/errors";
import { thumbnail } from "@/lib/previews";
import { useAppStore } from "@/store/appStore";
import type { AssetKind, UploadedAsset } from "@/types/vision.types";

export const MAX_PRODUCT_PHOTOS = 4;

interface Failure {
  message: string;
  retry: () => void;
}

/** Uploads one file and hands the result on; keeps the loading and error state for the UI. */
function useUpload() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = async (file: File, kind: AssetKind, done: (asset: UploadedAsset) => void) => {
    setBusy(true);
    setFailure(null);
    try {
      done(await uploadAsset(file, kind));
    } catch (error) {
      setFailure({ message: toErrorInfo(error).message, retry: () => void run(file, kind, done) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

/** A hidden file input opened by a button. */
function FilePicker({
  label,
  multiple = false,
  disabled,
  onFiles,
  children,
  variant = "outline",
}: {
  label: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  children: React.ReactNode;
  variant?: "outline" | "ghost";
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_IMAGES}
        multiple={multiple}
        hidden
        aria-label={label}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (files.length) onFiles(files);
        }}
      />
      <Button type="button" size="sm" variant={variant} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}

function Preview({ asset, alt }: { asset: UploadedAsset; alt: string }) {
  return (
    // A checkerboard behind the cut-out shows what was removed.
    <div className="flex h-24 w-20 items-center justify-center rounded-md bg-[repeating-conic-gradient(#e5e5e5_0_25%,#fff_0_50%)] bg-[length:12px_12px]">
      {/* eslint-disable-next-line @next/next/no-img-element -- served by our backend, any size */}
      <img
        {...thumbnail(asset.cutout_url ?? asset.url, "5rem", 160)}
        alt={alt}
        className="max-h-full max-w-full object-contain"
      />
    </div>
  );
}

/** Step 1's pictures: photos of the product (cut out for every shot) and the brand's logo. */
export function ProductAssets() {
  const photos = useAppStore((s) => s.productPhotos);
  const logo = useAppStore((s) => s.logo);
  const addProductPhoto = useAppStore((s) => s.addProductPhoto);
  const replaceProductPhoto = useAppStore((s) => s.replaceProductPhoto);
  const removeProductPhoto = useAppStore((s) => s.removeProductPhoto);
  const setLogo = useAppStore((s) => s.setLogo);
  const upload = useUpload();
  const [dragging, setDragging] = useState(false);
  const room = MAX_PRODUCT_PHOTOS - photos.length;

  const addFiles = async (files: File[]) => {
    for (const file of files.slice(0, Math.max(room, 0))) {
      await upload.run(file, "product", addProductPhoto);
    }
  };

  return (
    <Card data-testid="product-assets">
      <CardHeader>
        <CardTitle>Your product and brand</CardTitle>
        <CardDescription>
          Optional. Photos of your product appear in every shot that shows it; on a plain background
          we cut the product out for you. PNG, JPEG or WebP, up to 25 MB.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div
          data-testid="photo-drop"
          data-dragging={dragging || undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void addFiles(Array.from(e.dataTransfer.files));
          }}
          className="rounded-lg border border-dashed p-3 data-[dragging]:border-primary data-[dragging]:bg-muted"
        >
          {photos.length === 0 ? (
            <p className="text-muted-foreground text-sm">
              No product photo yet: drop one here, or the ad shows your product&apos;s name instead.
            </p>
          ) : (
            <ul className="flex flex-wrap gap-3" aria-label="Product photos">
              {photos.map((photo, index) => (
                <li key={photo.asset_id} className="space-y-1">
                  <Preview asset={photo} alt={`Product photo ${index + 1}, cut out`} />
                  <div className="flex gap-1">
                    <FilePicker
                      label={`Replace photo ${index + 1}`}
                      variant="ghost"
                      disabled={upload.busy}
                      onFiles={([file]) =>
                        void upload.run(file, "product", (asset) => replaceProductPhoto(photo.asset_id, asset))
                      }
                    >
                      <RefreshCw aria-hidden />
                      <span className="sr-only">Replace photo {index + 1}</span>
                    </FilePicker>
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove photo ${index + 1}`}
                      onClick={() => removeProductPhoto(photo.asset_id)}
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-3">
            <FilePicker label="Add product photos" multiple disabled={upload.busy || room <= 0} onFiles={(f) => void addFiles(f)}>
              <ImagePlus aria-hidden /> Add photos
            </FilePicker>
          </div>
        </div>

        <div className="flex items-center gap-3">
          {logo ? <Preview asset={logo} alt="Logo" /> : <p className="text-muted-foreground text-sm">No logo yet.</p>}
          <FilePicker label={logo ? "Replace the logo" : "Add a logo"} disabled={upload.busy} onFiles={([file]) => void upload.run(file, "logo", setLogo)}>
            {logo ? "Replace logo" : "Add logo"}
          </FilePicker>
          {logo ? (
            <Button type="button" size="sm" variant="ghost" aria-label="Remove the logo" onClick={() => setLogo(null)}>
              <Trash2 aria-hidden />
            </Button>
          ) : null}
        </div>

        <BrandLook />

        {upload.busy ? (
          <p role="status" className="flex items-center gap-2 text-sm">
            <Loader2 className="animate-spin" aria-hidden /> Uploading…
          </p>
        ) : null}
        {upload.failure ? (
          <div role="alert" className="text-destructive flex items-center gap-2 text-sm">
            <span>{upload.failure.message}</span>
            <Button type="button" size="sm" variant="outline" onClick={upload.failure.retry}>
              Try again
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The brand's colours and font as the brief holds them; the director reads them from the chat. */
function BrandLook() {
  const brand = useAppStore((s) => s.creativeBrief?.brand);
  const colours = brand?.colors ?? [];
  return (
    <div className="space-y-1 text-sm" data-testid="brand-look">
      {colours.length > 0 ? (
        <ul className="flex min-w-0 flex-wrap gap-1.5" aria-label="Brand colours">
          {colours.map((colour) => (
            <li key={colour} className="flex items-center gap-1 rounded-full border py-0.5 pr-2 pl-0.5 text-xs">
              <span className="size-4 rounded-full border" style={{ backgroundColor: colour }} aria-hidden />
              {colour}
            </li>
          ))}
        </ul>
      ) : null}
      {brand?.font ? <p>Words on screen in {brand.font}.</p> : null}
      {colours.length === 0 && !brand?.font ? (
        <p className="text-muted-foreground">
          Brand colours: tell the director their hex codes (e.g. #1A8C96); one mood keeps them exactly.
        </p>
      ) : null}
    </div>
  );
}
