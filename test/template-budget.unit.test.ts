/** Which limiter budget a request counts against: one per API key, or per key and endpoint when the template budget is separate. */
import { describe, expect, it } from "vitest";
import { budgetKey, limiterKey } from "../src/connectly/delivery.js";

describe("budgetKey", () => {
  it("puts session and template sends of one API key in one budget by default", () => {
    expect(budgetKey("key-1", "template", "shared")).toBe(budgetKey("key-1", "session", "shared"));
    expect(budgetKey("key-1", "session", "shared")).toBe(limiterKey("key-1"));
  });

  it("gives template sends a budget of their own when separate, and keeps session sends where they were", () => {
    expect(budgetKey("key-1", "template", "separate")).not.toBe(budgetKey("key-1", "session", "separate"));
    expect(budgetKey("key-1", "session", "separate")).toBe(limiterKey("key-1"));
  });

  it("never puts two API keys in one budget, nor the key itself in the limiter's store", () => {
    for (const endpoint of ["session", "template"] as const) {
      for (const budget of ["shared", "separate"] as const) {
        expect(budgetKey("key-1", endpoint, budget)).not.toBe(budgetKey("key-2", endpoint, budget));
        expect(budgetKey("key-1", endpoint, budget)).not.toContain("key-1");
      }
    }
  });
});
