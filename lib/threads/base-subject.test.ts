import { describe, expect, it } from "vitest";
import { baseSubject, subjectKey } from "./base-subject";

describe("baseSubject", () => {
  it("leaves a plain subject alone, collapsing whitespace", () => {
    expect(baseSubject("  Offsite \t planning ")).toEqual({ base: "Offsite planning", isReply: false });
  });

  it("strips English reply and forward markers, repeatedly", () => {
    for (const s of ["Re: Offsite planning", "RE: Offsite planning", "Fwd: Re: Offsite planning", "FW: RE: re: Offsite planning", "Re : Offsite planning"]) {
      expect(baseSubject(s), s).toEqual({ base: "Offsite planning", isReply: true });
    }
  });

  it("strips localized markers and reply counters", () => {
    for (const s of ["AW: Treffen", "SV: Treffen", "VS: Treffen", "WG: Treffen", "RE[2]: Treffen", "Re(3): Treffen", "Re^2: Treffen",
      "Antw: Treffen", "TR: Treffen", "RV: Treffen", "Odp: Treffen", "Rif: Treffen", "回复：Treffen", "转发: Treffen"]) {
      expect(baseSubject(s), s).toEqual({ base: "Treffen", isReply: true });
    }
  });

  it("strips [list] tags, but not when nothing would be left", () => {
    expect(baseSubject("[postern-dev] Release 1.4")).toEqual({ base: "Release 1.4", isReply: false });
    expect(baseSubject("Re: [postern-dev] Re: Release 1.4")).toEqual({ base: "Release 1.4", isReply: true });
    expect(baseSubject("[postern-dev] AW: Release 1.4")).toEqual({ base: "Release 1.4", isReply: true });
    expect(baseSubject("[no subject]")).toEqual({ base: "[no subject]", isReply: false });
  });

  it("unwraps [Fwd: ...] and drops a (fwd) trailer", () => {
    expect(baseSubject("[Fwd: Budget 2026]")).toEqual({ base: "Budget 2026", isReply: true });
    expect(baseSubject("Budget 2026 (fwd)")).toEqual({ base: "Budget 2026", isReply: true });
  });

  it("does not mistake words that merely start like markers", () => {
    expect(baseSubject("Rest of the week").base).toBe("Rest of the week");
    expect(baseSubject("Trip report").base).toBe("Trip report");
    expect(baseSubject("I: see below").base).toBe("I: see below");
    expect(baseSubject("Re:").base).toBe("");
  });

  it("compares case-insensitively", () => {
    expect(subjectKey(baseSubject("RE: OFFSITE Planning").base)).toBe(subjectKey(baseSubject("offsite planning").base));
  });
});
