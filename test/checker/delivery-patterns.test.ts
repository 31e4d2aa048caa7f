import { deliveryWording, roadmapRestatement } from "../../src/core/checker/delivery";
import { tagWords } from "../../src/core/checker/word-chain";

// The long word lists of the costliest patterns run on a tagged copy of the text (docs/CHECKER.md,
// "the first check in a fresh execution"): the answers must read the original words.
describe("patterns on tagged text", () => {
  it("tags whole words only, keeping every position and length", () => {
    const words = new Set(["live", "ga"]);
    expect(tagWords("sso is live in ga, livestream stays", words, "S")).toBe("sso is SSSS in SS, livestream stays");
    expect(tagWords("nothing to tag", words, "S")).toBe("nothing to tag");
  });

  it("quotes the original state words of an end state", () => {
    expect(deliveryWording("Dark mode is live on iOS")).toBe("is live");
    expect(deliveryWording("The new editor is in public beta")).toBe("is in public beta");
    expect(deliveryWording("SAML SSO is generally available")).toBe("is ga");
    expect(deliveryWording("Local evaluation is the default for server SDKs")).toBe("is the default");
  });

  it("finds phase and roadmap restatements with their phase number", () => {
    expect(roadmapRestatement("Phase 2 is complete")).toEqual({ phase: 2, phrase: "phase 2 is complete" });
    expect(roadmapRestatement("Roll out the new phase 3")).toEqual({ phase: 3, phrase: "roll out the new phase 3" });
    expect(roadmapRestatement("Ship everything on the Q3 roadmap")).toEqual({
      phase: null,
      phrase: "ship everything on the q3 roadmap",
    });
    expect(roadmapRestatement("The roadmap is delivered")).toEqual({ phase: null, phrase: "roadmap is delivered" });
    expect(roadmapRestatement("Review the roadmap with customers")).toBeNull();
  });
});
