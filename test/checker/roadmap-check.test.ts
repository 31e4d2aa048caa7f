import { buildRoadmapIndex, checkAgainstRoadmap, hintForKeyResult } from "../../src/core/checker";
import { allPairs } from "../../src/core/checker/roadmap-check";
import type { OkrInput, RoadmapItem } from "../../src/core/checker/types";
import { realSet } from "./real-metrics";

const roadmap: RoadmapItem[] = [
  { id: "R1", text: "Frontend Observability" },
  { id: "R2", text: "Phase 1: bulk CSV export" },
  { id: "R3", text: "Redis 7 migration" },
  { id: "R4", text: "New payment flow" },
  { id: "R5", text: "Phase 1: audit log" },
];
const kr = (id: string, text: string): OkrInput => ({ id, kind: "key_result", text });
const check = (text: string, kind: OkrInput["kind"] = "key_result") =>
  checkAgainstRoadmap([{ id: "X", kind, text }], roadmap).findings[0];

describe("checkAgainstRoadmap verdicts", () => {
  it("duplicate: a paraphrased delivery of a roadmap item, with a manager-readable reason and rewrite", () => {
    const f = check("Move the session cache onto Redis 7");
    expect(f).toMatchObject({ verdict: "duplicate", roadmapIds: ["R3"] });
    expect(f.reason).toMatch(
      /^Restates roadmap item R3 'Redis 7 migration' as a delivery\. Try measuring what it changes, e\.g\. '.+'\.$/,
    );
    expect(f.suggestion).toMatch(/latency/);
    expect(f.score).toBeGreaterThan(0.45);
    expect(f.score).toBeLessThanOrEqual(1);
  });

  it("duplicate: getting a thing into (or onto) something is moving it, whatever the verb", () => {
    expect(check("Make the session cache simple to operate: get it into Redis 7")).toMatchObject({
      verdict: "duplicate",
      roadmapIds: ["R3"],
    });
    // Without a delivery the same words only name the item.
    expect(check("Make the session cache on Redis 7 simple to operate").verdict).toBe("related");
  });

  it("duplicate: objectives count too", () => {
    expect(check("Deliver Frontend Observability", "objective")).toMatchObject({
      verdict: "duplicate",
      roadmapIds: ["R1"],
    });
  });

  it("duplicate: 'all features in Phase 1' names every Phase 1 item", () => {
    const f = check("All features in Phase 1 are delivered");
    expect(f).toMatchObject({ verdict: "duplicate", roadmapIds: ["R2", "R5"] });
    expect(f.reason).toContain("all of Phase 1 (R2, R5)");
  });

  it("duplicate: restating the whole roadmap names no single item", () => {
    const f = check("Ship everything on the Q3 roadmap");
    expect(f).toMatchObject({ verdict: "duplicate", roadmapIds: [] });
    expect(f.reason).toMatch(/^Restates the delivery of the whole roadmap/);
  });

  it("a delivery named only as a point in time, or after a change verb, is not a duplicate", () => {
    expect(check("Improve checkout conversion after the new payment flow launch").verdict).toBe("related");
    expect(check("Successful launch of Frontend Observability").verdict).toBe("duplicate");
  });

  it("related: names an item but measures an outcome", () => {
    const f = check("Checkout page of the new payment flow loads in 1 s instead of 3 s");
    expect(f).toMatchObject({ verdict: "related", roadmapIds: ["R4"] });
    expect(f.reason).toMatch(/^Names roadmap item R4 'New payment flow' and measures an outcome/);
    expect(f.suggestion).toBeUndefined();
  });

  it("related: a launch with a bar for how it goes signals priority (the essay's 'smooth launch')", () => {
    const f = check("Smooth launch of Frontend Observability", "objective");
    expect(f).toMatchObject({ verdict: "related", roadmapIds: ["R1"] });
    expect(f.reason).toContain("priority");
  });

  it("related: a delivery verb with an outcome number is about the outcome", () => {
    expect(check("Launch Frontend Observability and reach 1000 users per day").verdict).toBe("related");
  });

  it("output: delivery of work that is not on the roadmap asks what it should change", () => {
    const f = check("Launch a public status page");
    expect(f).toMatchObject({ verdict: "output", roadmapIds: [] });
    expect(f.reason).toBe(
      "Delivery work not on the roadmap ('Launch a public status page'). What is it meant to change? Say what should be different once it is done, e.g. '50 people a week use public status page within a month of release'.",
    );
    expect(check("Hire 2 backend engineers").verdict).toBe("output");
    expect(check("Publish the 2026 hiring plan").verdict).toBe("output");
  });

  it("ok: KPIs, opinions and measures without a delivery", () => {
    expect(check("Keep uptime above 99.9%").verdict).toBe("ok");
    expect(check("Positive feedback from customers about the new onboarding").verdict).toBe("ok");
    expect(check("The number of processes documented in our operating procedures").verdict).toBe("ok");
  });

  it("output, not duplicate: a delivery sharing one common word with a short item is about something else", () => {
    // "payment" alone is most of "New payment flow" once "flow" is discounted as generic.
    expect(check("Runbook for payment incidents published").verdict).toBe("output");
    expect(check("Ship the new payment flow").verdict).toBe("duplicate");
  });
});

describe("matching", () => {
  const long: RoadmapItem[] = [
    { id: "T", text: "Timeline View v2: rebuilt timeline with zoom, filters and saved views for enterprise customers" },
  ];
  const one = (text: string) => checkAgainstRoadmap([kr("K", text)], long).findings[0];

  it("finds a part of a long item named by two of its distinctive words", () => {
    expect(one("Ship saved views")).toMatchObject({ verdict: "duplicate", roadmapIds: ["T"] });
  });

  it("treats v2, 2.0 and 2 as one version", () => {
    expect(one("Release Timeline 2.0").verdict).toBe("duplicate");
  });

  it("reads 'admins get a …' as a capability being delivered, and Q3 as a date, not a measure", () => {
    expect(one("Enterprise customers get the new timeline filters in Q3").verdict).toBe("duplicate");
  });

  it("does not match on one shared word when the OKR names another system", () => {
    const billing: RoadmapItem[] = [{ id: "B", text: "Annual billing option" }];
    expect(checkAgainstRoadmap([kr("K", "Migrate billing to Stripe")], billing).findings[0].verdict).toBe("output");
  });
});

describe("summary", () => {
  it("says 'ship the roadmap' when most key results restate it", () => {
    const okrs = [
      kr("K1", "Ship Frontend Observability"),
      kr("K2", "Finish the Redis 7 migration"),
      kr("K3", "NPS from 30 to 40"),
    ];
    const { summary } = checkAgainstRoadmap(okrs, roadmap);
    expect(summary).toMatchObject({ keyResults: 3, duplicateKeyResults: 2, shipTheRoadmap: true });
    expect(summary.message).toContain('"ship the roadmap"');
  });

  it("judges each cycle on its own when the OKRs carry cycles", () => {
    const q3 = { cycle: "2025-Q3" };
    const okrs: OkrInput[] = [
      { id: "O1", kind: "objective", text: "Objective one", ...q3 },
      kr("K1", "Ship Frontend Observability"),
      kr("K2", "Finish the Redis 7 migration"),
      { id: "O2", kind: "objective", text: "Objective two", cycle: "2025-Q4" },
      kr("K3", "NPS from 30 to 40"),
      kr("K4", "Churn from 3% to 2%"),
      kr("K5", "Release bulk CSV export"),
    ];
    const { summary } = checkAgainstRoadmap(okrs, roadmap);
    expect(summary).toMatchObject({ shipTheRoadmap: true, shipTheRoadmapCycles: ["2025-Q3"], duplicateKeyResults: 3 });
    expect(summary.message).toMatch(
      /^Most key results restate the roadmap in 2025-Q3: 2 of 2\. That cycle reads as "ship the roadmap"/,
    );
  });

  it("does not when most key results measure outcomes", () => {
    const okrs = [
      kr("K1", "Ship Frontend Observability"),
      kr("K2", "NPS from 30 to 40"),
      kr("K3", "Churn from 3% to 2%"),
    ];
    expect(checkAgainstRoadmap(okrs, roadmap).summary).toMatchObject({ shipTheRoadmap: false, duplicate: 1, ok: 2 });
  });
});

describe("index", () => {
  it("gives the same findings as the all-pairs comparison", () => {
    const okrs = [
      "Move the session cache onto Redis 7",
      "Release bulk CSV export",
      "Audit log opened by 50% of admins",
      "Launch a podcast",
    ].map((t, i) => kr(`K${i}`, t));
    expect(checkAgainstRoadmap(okrs, roadmap).findings).toEqual(checkAgainstRoadmap(okrs, roadmap, allPairs).findings);
  });

  it("hintForKeyResult answers from a prebuilt index", () => {
    const index = buildRoadmapIndex(roadmap);
    expect(hintForKeyResult("Ship the audit log", index)).toMatchObject({ verdict: "duplicate", roadmapIds: ["R5"] });
    expect(hintForKeyResult("", index).verdict).toBe("ok");
  });

  it("copes with an empty roadmap", () => {
    expect(checkAgainstRoadmap([kr("K1", "Ship it")], []).findings[0].verdict).toBe("output");
    expect(checkAgainstRoadmap([kr("K1", "Reach 500 weekly users")], []).findings[0].verdict).toBe("ok");
  });
});

describe("real OKR phrasing (issue #14)", () => {
  const road: RoadmapItem[] = [
    { id: "R1", text: "New storage format" },
    { id: "R2", text: "Multi-region deployments" },
    { id: "R3", text: "Enterprise single sign-on" },
    { id: "R4", text: "Onboarding improvements" },
    { id: "R5", text: "Billing and invoicing APIs" },
    { id: "R6", text: "Frontend Observability Phase 1: error tracking" },
    { id: "R7", text: "Phase 1: bulk CSV export" },
    { id: "R8", text: "Kubernetes migration" },
  ];
  const verdict = (text: string) => checkAgainstRoadmap([kr("K", text)], road).findings[0];

  it.each([
    ["an end state without a delivery verb", "The new storage format is the default for new projects", "R1"],
    ["a bare noun phrase", "Multi-region", "R2"],
    ["the technology named for the capability", "SAML and OIDC support", "R3"],
    ["a count of deliveries", "Ship at least 4 onboarding improvements", "R4"],
    ["a specification finished", "Billing and invoicing APIs fully specified", "R5"],
    ["the tool of a migration", "All stateless services on the Helm chart", "R8"],
  ])("duplicate: %s", (_what, text, id) => {
    expect(verdict(text)).toMatchObject({ verdict: "duplicate", roadmapIds: [id] });
  });

  it("a phase match names only that work's phase items", () => {
    const f = verdict("All features in Frontend Observability Phase 1 are delivered");
    expect(f).toMatchObject({ verdict: "duplicate", roadmapIds: ["R6"] });
    expect(verdict("All features in Phase 1 are delivered").roadmapIds).toEqual(["R6", "R7"]);
  });

  it("quotes the key result verbatim, whole numbers and all, and never a phrase it does not contain", () => {
    const f = verdict("Onboarding improvements take new admins from 100 to 500 a week");
    expect(f.verdict).toBe("related");
    expect(f.reason).toContain("('from 100 to 500')");
    const plain = verdict("Admins talk about the onboarding improvements");
    expect(plain.verdict).toBe("related");
    expect(plain.reason).not.toContain("no delivery wording");
    expect(plain.reason).toMatch(/says neither what is delivered nor what changes/);
  });

  it("quotes numbers with their units as written, even where the rules read them differently", () => {
    // The rules glue units to numbers ("400ms") and spell comparisons; the quote is the KR's own words.
    expect(verdict("p95 latency of the new storage format from 400 ms to 200 ms").reason).toContain(
      "('from 400 ms to 200 ms')",
    );
    expect(verdict("Multi-region deployments fail over in 1 s instead of 3 s").reason).toContain(
      "('1 s instead of 3 s')",
    );
    expect(verdict("New storage format conversion from 2% to 3.5%").reason).toContain("('from 2% to 3.5%')");
    expect(verdict("Increase projects on the new storage format from X to Y").reason).toContain("('from X to Y')");
  });

  it("every piece of a key result quoted in a reason is verbatim, across the real, published set", () => {
    let quoted = 0;
    for (const s of realSet.scenarios) {
      const okrs = s.okrs.map((o) => kr(o.id, o.text));
      checkAgainstRoadmap(okrs, s.roadmap).findings.forEach((f, i) => {
        for (const m of f.reason.matchAll(/\('(.*?)'\)/g)) {
          quoted++;
          expect(okrs[i].text).toContain(m[1].replace(/…$/, ""));
        }
      });
    }
    expect(quoted).toBeGreaterThan(30);
  });

  it("suggests an outcome on the key result's own subject, not another domain's metric", () => {
    const billing = checkAgainstRoadmap(
      [kr("K", "Migrate billing to Zuora")],
      [{ id: "B", text: "Billing migration" }],
    );
    expect(billing.findings[0].verdict).toBe("duplicate");
    expect(billing.findings[0].suggestion).not.toMatch(/latency|leads/);
    expect(verdict("Hire two designers").suggestion).not.toMatch(/latency|leads|tickets/);
  });

  it("a suggestion names the key result's subject, not its verbs, counts or a cut-off version", () => {
    expect(verdict("Evaluate and implement compensation strategy").suggestion).toBe(
      "50 people a week use compensation strategy within a month of release",
    );
    expect(verdict("Upgrade to Postgres 16.2 to unblock key customers").suggestion).toMatch(/Postgres 16\.2 /);
    expect(verdict("All managers to complete DIB training").suggestion).not.toMatch(/managers/);
    // Across the real set: never a verb, pronoun or number where the suggestion names a thing.
    const garbled =
      /\b(?:use|operating|blocked on|link to) (?:the )?(?:and|or|we|we've|the it|run|improve|implement|complete|ship|make|create|deploy|migrate|evaluate|design|upgrade|\d)\b/i;
    let suggested = 0;
    for (const s of realSet.scenarios)
      for (const f of checkAgainstRoadmap(
        s.okrs.map((o) => kr(o.id, o.text)),
        s.roadmap,
      ).findings)
        if (f.suggestion) {
          suggested++;
          expect(f.suggestion).not.toMatch(garbled);
        }
    expect(suggested).toBeGreaterThan(30);
  });

  it("a level held is a KPI, not an outcome or a delivery", () => {
    expect(verdict("Achieve 99.95% availability consistently").verdict).toBe("ok");
    const f = verdict("95% uptime for the new storage format");
    expect(f.verdict).toBe("related");
    expect(f.reason).toMatch(/holds a level \('95% uptime'\): that is a KPI/);
  });

  it("the summary agrees in number", () => {
    const one = checkAgainstRoadmap([kr("K1", "Multi-region"), kr("K2", "Reach 500 weekly users")], road);
    expect(one.summary.message).toBe(
      '1 of 2 key results restates a roadmap item: not enough to read as "ship the roadmap".',
    );
    const out = checkAgainstRoadmap([kr("K1", "Hire two designers"), kr("K2", "Reach 500 weekly users")], road);
    expect(out.summary.message).toBe(
      "None of the 2 key results restate the roadmap. 1 is delivery work not on the roadmap: say what it should change.",
    );
  });
});
