import { describe, expect, test } from "vitest";

import { describeTimeLeft, secondsLeft } from "@/lib/eta";

describe("time left", () => {
  const clock = (seconds: number) => ({ startedAt: 1_000_000, progressAt: 1_000_000 + seconds * 1000 });

  test("is the time so far, scaled by what is left", () => {
    // 25 % in 60 s: 75 % more takes 180 s.
    expect(secondsLeft(25, clock(60))).toBe(180);
    expect(describeTimeLeft(secondsLeft(25, clock(60)))).toBe("About 3 minutes left");
    expect(describeTimeLeft(secondsLeft(80, clock(60)))).toBe("Less than a minute left");
    expect(describeTimeLeft(secondsLeft(50, clock(60)))).toBe("About a minute left");
  });

  test("says nothing until progress has moved enough to tell, or once it is done", () => {
    expect(secondsLeft(2, clock(60))).toBeNull();
    expect(secondsLeft(50, clock(0))).toBeNull();
    expect(secondsLeft(50, null)).toBeNull();
    expect(secondsLeft(100, clock(60))).toBeNull();
    expect(describeTimeLeft(null)).toBeNull();
  });
});
