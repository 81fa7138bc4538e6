import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";

import { CreativeBriefSummary, parseList } from "@/components/vision/CreativeBriefSummary";
import { useAppStore } from "@/store/appStore";
import { EMPTY_BRIEF } from "@/types/vision.types";

import { BRIEF } from "./fixtures";

const brief = () => useAppStore.getState().creativeBrief;

describe("parseList", () => {
  test("lists are comma- or line-separated words, trimmed, without blanks", () => {
    expect(parseList("emotional_tone", " elegant,calming ,, bold\nwarm,")).toEqual([
      "elegant",
      "calming",
      "bold",
      "warm",
    ]);
    expect(parseList("visual_style_keywords", " , ")).toEqual([]);
  });

  test("key messages are one per line, and may contain commas", () => {
    expect(parseList("key_messages", "Natural, clean ingredients\n\n  Glows in a week  \n")).toEqual([
      "Natural, clean ingredients",
      "Glows in a week",
    ]);
  });
});

describe("CreativeBriefSummary", () => {
  test("typing in a field updates the brief in the store", async () => {
    const user = userEvent.setup();
    render(<CreativeBriefSummary />);
    expect(screen.getByText(/Fills in as you chat/)).toBeInTheDocument();

    await user.type(screen.getByLabelText("Product"), "Glow Drops ");
    expect(brief()?.product_name).toBe("Glow Drops");
  });

  test("list fields take comma-separated words; a trailing comma survives while typing", async () => {
    const user = userEvent.setup();
    render(<CreativeBriefSummary />);
    const tone = screen.getByLabelText("Tone");

    await user.type(tone, "elegant, calming,");
    expect(brief()?.emotional_tone).toEqual(["elegant", "calming"]);
    expect(tone).toHaveValue("elegant, calming,");

    await user.tab();
    expect(tone).toHaveValue("elegant, calming");
  });

  test("key messages are typed one per line", async () => {
    const user = userEvent.setup();
    render(<CreativeBriefSummary />);
    await user.type(screen.getByLabelText("Key messages"), "Natural, clean ingredients{Enter}Glows in a week");
    expect(brief()?.key_messages).toEqual(["Natural, clean ingredients", "Glows in a week"]);
  });

  test("fields the director has not settled carry a 'to discuss' badge", () => {
    useAppStore.getState().applyBriefSynthesis({
      creative_brief: {
        ...EMPTY_BRIEF,
        product_name: "Glow Drops",
        emotional_tone: ["calm"],
        visual_style_keywords: ["minimalist"],
      },
      missing_fields: ["target_audience", "key_messages"],
      complete: false,
    });
    render(<CreativeBriefSummary />);

    expect(screen.getAllByText("to discuss")).toHaveLength(2);
    expect(screen.getByLabelText("Audience")).toHaveAccessibleDescription("to discuss");
    expect(screen.getByLabelText("Key messages")).toHaveAccessibleDescription("to discuss");
    expect(screen.getByLabelText("Product")).not.toHaveAccessibleDescription();
    expect(screen.getByLabelText("Product")).toHaveValue("Glow Drops");
    expect(screen.getByText("Still to discuss: audience, key messages.")).toBeInTheDocument();
    expect(screen.queryByLabelText("complete")).not.toBeInTheDocument();
  });

  test("filling a missing field by hand removes its badge", async () => {
    const user = userEvent.setup();
    useAppStore.getState().applyBriefSynthesis({
      creative_brief: { ...BRIEF, target_audience: "" },
      missing_fields: ["target_audience"],
      complete: false,
    });
    render(<CreativeBriefSummary />);
    expect(screen.getByText("to discuss")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Audience"), "Runners");
    expect(screen.queryByText("to discuss")).not.toBeInTheDocument();
    expect(screen.getByLabelText("complete")).toBeInTheDocument();
    expect(screen.getByText(/Everything the director needs/)).toBeInTheDocument();
  });

  test("a field typed while the director answers keeps the typing; the others follow the director", async () => {
    const user = userEvent.setup();
    render(<CreativeBriefSummary />);
    const sent = brief();
    await user.type(screen.getByLabelText("Product"), "Glow Drops Serum");
    await user.tab();

    act(() =>
      useAppStore
        .getState()
        .applyBriefSynthesis({ creative_brief: BRIEF, missing_fields: [], complete: true }, sent),
    );
    expect(screen.getByLabelText("Product")).toHaveValue("Glow Drops Serum");
    expect(screen.getByLabelText("Audience")).toHaveValue("Women 25-40");
    expect(screen.getByLabelText("Visual style")).toHaveValue("minimalist, white, gold");
  });

  test("what the product is shows under its name and can be edited; it is never 'to discuss'", async () => {
    const user = userEvent.setup();
    useAppStore.getState().applyBriefSynthesis({
      creative_brief: { ...EMPTY_BRIEF, product_name: "Kiln & Co", product_description: "Handmade ceramic mugs" },
      missing_fields: ["target_audience", "emotional_tone", "visual_style_keywords", "key_messages"],
      complete: false,
    });
    render(<CreativeBriefSummary />);
    const what = screen.getByLabelText("What it is");
    expect(what).toHaveValue("Handmade ceramic mugs");
    expect(what).not.toHaveAccessibleDescription();

    await user.clear(what);
    await user.type(what, "Stoneware mugs");
    expect(brief()?.product_description).toBe("Stoneware mugs");
  });

  test("typing the product before chatting does not claim the brief is complete", async () => {
    const user = userEvent.setup();
    render(<CreativeBriefSummary />);
    await user.type(screen.getByLabelText("Product"), "Glow Drops");

    expect(screen.queryByLabelText("complete")).not.toBeInTheDocument();
    expect(screen.queryByText(/Everything the director needs/)).not.toBeInTheDocument();
    expect(screen.getByLabelText("Audience")).toHaveAccessibleDescription("to discuss");
  });
});
