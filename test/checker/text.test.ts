import { contentTerms, normalise, phaseOf, topicalTerms } from "../../src/core/checker/text";

describe("text", () => {
  it("folds abbreviations and spelling variants", () => {
    expect(topicalTerms("Move every service onto k8s")).toEqual(topicalTerms("move every service onto Kubernetes"));
    expect(topicalTerms("Upgrade the db to PostgreSQL 15")).toEqual(expect.arrayContaining(["databas", "postgr"]));
    expect(normalise("Sign-in with single sign-on")).toBe("login with sso");
    expect(topicalTerms("Help centre")).toEqual(topicalTerms("help center"));
  });

  it("meets British spellings, hyphenated compounds and nouns that stem like verbs", () => {
    expect(topicalTerms("Centralised logging")).toEqual(topicalTerms("centralized logging"));
    expect(topicalTerms("Analyse churn")).toEqual(topicalTerms("analyze churn"));
    expect(topicalTerms("Real-time events")).toEqual(topicalTerms("realtime events"));
    expect(topicalTerms("Front end observability")).toEqual(topicalTerms("Frontend Observability"));
    expect(topicalTerms("notification settings")).toEqual(topicalTerms("notification preferences"));
    expect(topicalTerms("notification settings")).toHaveLength(2);
  });

  it("drops stop words, delivery verbs and numbers with units, keeps version numbers", () => {
    expect(topicalTerms("Ship the Redis 7 migration by end of Q3")).toEqual(["redi", "cach", "7"]);
    expect(contentTerms("loads in 1 s instead of 3 s")).toEqual(["load"]);
    expect(topicalTerms("p95 latency from 40 ms to 10 ms")).toEqual([]);
  });

  it("reads phase numbers in digits, words and roman numerals", () => {
    expect(phaseOf("Phase 1: audit log")).toBe(1);
    expect(phaseOf("everything in phase two")).toBe(2);
    expect(phaseOf("Phase II rollout")).toBe(2);
    expect(phaseOf("Audit log")).toBeNull();
  });
});
