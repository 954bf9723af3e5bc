import { describe, expect, it } from "vitest";
import {
  meetingScheduleBound,
  scheduleMeetings,
  scheduleMeetingsFirstCome,
  type ScheduleResult,
  type SchedulerInput,
  type SchedulerMeeting,
} from "./meeting-scheduler.ts";

/** mulberry32: a small seeded generator, so every generated event can be rebuilt from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Size = { slots: number; tables: number; participants: number; meetings: number };

/**
 * A random matchmaking event: each participant misses some slots (a few miss all of them), some slots have fewer
 * tables, meetings between random pairs with the odd self-meeting, duplicate pair and unknown participant.
 */
function generateEvent(seed: number, size: Size): SchedulerInput {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const slotIds = Array.from({ length: size.slots }, (_, i) => 100 + i);
  const tables = Array.from({ length: size.tables }, (_, i) => 500 + i);
  const slots = slotIds.map((id) => (next() < 0.2 ? { id, tables: tables.filter(() => next() < 0.5) } : { id }));
  const absence = next() * 0.6;
  const participants = Array.from({ length: size.participants }, (_, i) => ({
    id: 1000 + i,
    availableSlots: next() < 0.05 ? [] : slotIds.filter(() => next() >= absence),
  }));
  const meetings: SchedulerMeeting[] = [];
  for (let i = 0; i < size.meetings; i++) {
    const a = 1000 + int(size.participants);
    const roll = next();
    const b = roll < 0.02 ? a : roll < 0.04 ? 9999 : 1000 + int(size.participants);
    const meeting: SchedulerMeeting = { id: 1 + i, a, b };
    if (next() < 0.3) meeting.priority = int(3);
    meetings.push(next() < 0.05 && meetings.length > 0 ? { ...meetings[int(meetings.length)]!, id: 1 + i } : meeting);
  }
  return { slots, tables, participants, meetings: meetings.reverse().map((m, i) => ({ ...m, order: i })) };
}

/** Marks some of a first-come schedule's meetings as held, as a re-run after the day started would see them. */
function withHeldMeetings(input: SchedulerInput, seed: number): SchedulerInput {
  const next = random(seed);
  const held = new Map(
    scheduleMeetingsFirstCome(input)
      .placements.filter((p) => p.status === "scheduled" && next() < 0.3)
      .map((p) => [p.meetingId, p]),
  );
  return {
    ...input,
    meetings: input.meetings.map((m) => {
      const p = held.get(m.id);
      return p?.status === "scheduled" ? { ...m, fixed: { slotId: p.slotId, tableId: p.tableId } } : m;
    }),
  };
}

/** The invariants every schedule must keep; returns the violations found (none when it is sound). */
function violations(input: SchedulerInput, result: ScheduleResult): string[] {
  const problems: string[] = [];
  const available = new Map(input.participants.map((p) => [p.id, new Set(p.availableSlots)]));
  const slotTables = new Map(input.slots.map((s) => [s.id, new Set(s.tables ?? input.tables)]));
  if (result.placements.length !== input.meetings.length) problems.push("meeting count changed");
  const busy = new Set<string>();
  const tableUse = new Set<string>();
  let scheduled = 0;
  result.placements.forEach((placement, i) => {
    const meeting = input.meetings[i]!;
    if (placement.meetingId !== meeting.id) problems.push(`meeting ${meeting.id} out of order`);
    if (placement.status !== "scheduled") return;
    scheduled++;
    const { slotId, tableId } = placement;
    if (meeting.a === meeting.b) problems.push(`self-meeting ${meeting.id} scheduled`);
    if (meeting.fixed && (meeting.fixed.slotId !== slotId || meeting.fixed.tableId !== tableId))
      problems.push(`fixed meeting ${meeting.id} moved`);
    if (!meeting.fixed && !(available.get(meeting.a)?.has(slotId) && available.get(meeting.b)?.has(slotId)))
      problems.push(`meeting ${meeting.id} outside availability`);
    if (!slotTables.get(slotId)?.has(tableId)) problems.push(`meeting ${meeting.id} at a table not in its slot`);
    for (const p of [meeting.a, meeting.b]) {
      if (busy.has(`${slotId}:${p}`)) problems.push(`participant ${p} double-booked in slot ${slotId}`);
      busy.add(`${slotId}:${p}`);
    }
    if (tableUse.has(`${slotId}:${tableId}`)) problems.push(`table ${tableId} used twice in slot ${slotId}`);
    tableUse.add(`${slotId}:${tableId}`);
  });
  if (scheduled !== result.scheduled) problems.push("scheduled count wrong");
  if (result.scheduled + result.unscheduled !== input.meetings.length) problems.push("counts do not add up");
  const pairs = new Set<string>();
  result.placements.forEach((placement, i) => {
    const { a, b } = input.meetings[i]!;
    const pair = [a, b].sort().join(":");
    if (placement.status === "scheduled" && pairs.has(pair)) problems.push(`pair ${pair} met twice`);
    pairs.add(pair);
  });
  return problems;
}

/** The most meetings any schedule can hold, by trying every slot (or none) for each meeting: tiny inputs only. */
function optimum(input: SchedulerInput): number {
  const valid = scheduleMeetingsFirstCome({
    ...input,
    meetings: input.meetings.map((m) => ({ ...m, fixed: undefined })),
  })
    .placements.map((p, i) => ({ p, m: input.meetings[i]! }))
    .filter(({ p }) => p.status === "scheduled" || p.reason === "participant_full" || p.reason === "tables_full")
    .map(({ m }) => m);
  const available = new Map(input.participants.map((p) => [p.id, new Set(p.availableSlots)]));
  const capacity = new Map(input.slots.map((s) => [s.id, new Set(s.tables ?? input.tables).size]));
  const busy = new Set<string>();
  const used = new Map<number, number>();
  let best = 0;
  const search = (i: number, held: number) => {
    if (held + (valid.length - i) <= best) return;
    if (i === valid.length) {
      best = held;
      return;
    }
    const { a, b } = valid[i]!;
    for (const slot of input.slots) {
      const s = slot.id;
      if (!available.get(a)!.has(s) || !available.get(b)!.has(s)) continue;
      if (busy.has(`${s}:${a}`) || busy.has(`${s}:${b}`) || (used.get(s) ?? 0) >= capacity.get(s)!) continue;
      busy.add(`${s}:${a}`).add(`${s}:${b}`);
      used.set(s, (used.get(s) ?? 0) + 1);
      search(i + 1, held + 1);
      busy.delete(`${s}:${a}`);
      busy.delete(`${s}:${b}`);
      used.set(s, used.get(s)! - 1);
    }
    search(i + 1, held);
  };
  search(0, 0);
  return best;
}

const sizes: Size[] = [
  { slots: 3, tables: 2, participants: 6, meetings: 8 },
  { slots: 8, tables: 3, participants: 20, meetings: 60 },
  { slots: 16, tables: 10, participants: 60, meetings: 400 },
  { slots: 6, tables: 40, participants: 40, meetings: 150 },
];

describe("scheduleMeetings on generated events", () => {
  it("keeps every invariant, beats or equals first come, stays within the bound, and repeats itself", () => {
    let better = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const size = sizes[seed % sizes.length]!;
      const plain = generateEvent(seed, size);
      const input = seed % 3 === 0 ? withHeldMeetings(plain, seed) : plain;
      const result = scheduleMeetings(input);
      const greedy = scheduleMeetingsFirstCome(input);
      expect(violations(input, result), `seed ${seed}`).toEqual([]);
      expect(violations(input, greedy), `seed ${seed} (first come)`).toEqual([]);
      expect(result.scheduled, `seed ${seed}`).toBeGreaterThanOrEqual(greedy.scheduled);
      expect(result.scheduled, `seed ${seed}`).toBeLessThanOrEqual(result.bound.bound);
      expect(scheduleMeetings(input), `seed ${seed}`).toEqual(result);
      if (result.scheduled > greedy.scheduled) better++;
    }
    // Not a bound on quality, a check that the improvement does something on this mix of events.
    expect(better).toBeGreaterThan(10);
  });

  it("never exceeds the true optimum's bound and reaches the optimum on tiny events", () => {
    let optimal = 0;
    const tiny = { slots: 3, tables: 2, participants: 5, meetings: 7 };
    for (let seed = 1; seed <= 200; seed++) {
      const input = generateEvent(seed, tiny);
      const best = optimum(input);
      const result = scheduleMeetings(input);
      expect(meetingScheduleBound(input).bound, `seed ${seed}`).toBeGreaterThanOrEqual(best);
      expect(result.scheduled, `seed ${seed}`).toBeLessThanOrEqual(best);
      if (result.scheduled === best) optimal++;
    }
    expect(optimal).toBe(200);
  });

  it("gives each unscheduled meeting a reason that holds in the schedule", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const input = generateEvent(seed, sizes[1]!);
      const result = scheduleMeetings(input);
      const busy = new Set<string>();
      const used = new Map<number, number>();
      result.placements.forEach((p, i) => {
        if (p.status !== "scheduled") return;
        const m = input.meetings[i]!;
        busy.add(`${p.slotId}:${m.a}`).add(`${p.slotId}:${m.b}`);
        used.set(p.slotId, (used.get(p.slotId) ?? 0) + 1);
      });
      const available = new Map(input.participants.map((p) => [p.id, new Set(p.availableSlots)]));
      result.placements.forEach((p, i) => {
        if (p.status !== "unscheduled") return;
        const m = input.meetings[i]!;
        const common = input.slots.filter(
          (s) =>
            available.get(m.a)?.has(s.id) && available.get(m.b)?.has(s.id) && (s.tables ?? input.tables).length > 0,
        );
        if (p.reason === "participant_full")
          for (const s of common) expect(busy.has(`${s.id}:${m.a}`) || busy.has(`${s.id}:${m.b}`)).toBe(true);
        if (p.reason === "tables_full")
          expect(common.some((s) => (used.get(s.id) ?? 0) >= new Set(s.tables ?? input.tables).size)).toBe(true);
        if (p.reason === "no_common_slot") expect(common).toEqual([]);
      });
    }
  });
});

describe("scheduleMeetings on hand-made events", () => {
  const slots = [{ id: 1 }, { id: 2 }, { id: 3 }];
  const everyone = (ids: number[], availableSlots = [1, 2, 3]) => ids.map((id) => ({ id, availableSlots }));

  it("schedules nothing when the event has no slots, and says why", () => {
    const result = scheduleMeetings({
      slots: [],
      tables: [1],
      participants: everyone([10, 11], []),
      meetings: [{ id: 1, a: 10, b: 11 }],
    });
    expect(result.placements).toEqual([
      { meetingId: 1, status: "unscheduled", reason: "participant_unavailable", participantId: 10 },
    ]);
    expect(result.bound.bound).toBe(0);
  });

  it("puts one meeting per slot when there is one table", () => {
    const result = scheduleMeetings({
      slots,
      tables: [7],
      participants: everyone([10, 11, 12, 13]),
      meetings: [
        { id: 1, a: 10, b: 11 },
        { id: 2, a: 12, b: 13 },
        { id: 3, a: 10, b: 12 },
        { id: 4, a: 11, b: 13 },
      ],
    });
    expect(result.scheduled).toBe(3);
    expect(result.bound.parts.tables).toBe(3);
    const scheduled = result.placements.filter((p) => p.status === "scheduled");
    expect(new Set(scheduled.map((p) => p.slotId)).size).toBe(3);
    expect(scheduled.every((p) => p.tableId === 7)).toBe(true);
    expect(result.placements.find((p) => p.status === "unscheduled")).toMatchObject({ reason: "tables_full" });
  });

  it("leaves out a participant who is unavailable all day", () => {
    const result = scheduleMeetings({
      slots,
      tables: [1, 2],
      participants: [...everyone([10, 11]), { id: 12, availableSlots: [] }],
      meetings: [
        { id: 1, a: 10, b: 12 },
        { id: 2, a: 10, b: 11 },
      ],
    });
    expect(result.placements[0]).toEqual({
      meetingId: 1,
      status: "unscheduled",
      reason: "participant_unavailable",
      participantId: 12,
    });
    expect(result.placements[1]).toMatchObject({ status: "scheduled" });
  });

  it("rejects a self-meeting, a duplicate pair and an unknown participant", () => {
    const result = scheduleMeetings({
      slots,
      tables: [1, 2],
      participants: everyone([10, 11]),
      meetings: [
        { id: 1, a: 10, b: 10 },
        { id: 2, a: 10, b: 11 },
        { id: 3, a: 11, b: 10 },
        { id: 4, a: 10, b: 99 },
      ],
    });
    expect(result.placements.map((p) => (p.status === "scheduled" ? "scheduled" : p.reason))).toEqual([
      "self_meeting",
      "scheduled",
      "duplicate_pair",
      "unknown_participant",
    ]);
    expect(result.bound.parts.meetings).toBe(1);
  });

  it("reports no common slot when both sides are free but never at the same time", () => {
    const result = scheduleMeetings({
      slots,
      tables: [1],
      participants: [
        { id: 10, availableSlots: [1] },
        { id: 11, availableSlots: [2, 3] },
      ],
      meetings: [{ id: 1, a: 10, b: 11 }],
    });
    expect(result.placements[0]).toMatchObject({ reason: "no_common_slot" });
  });

  it("names the participant who is full", () => {
    const result = scheduleMeetings({
      slots: [{ id: 1 }],
      tables: [1, 2, 3],
      participants: everyone([10, 11, 12, 13], [1]),
      meetings: [
        { id: 1, a: 10, b: 11 },
        { id: 2, a: 10, b: 12 },
      ],
    });
    expect(result.scheduled).toBe(1);
    expect(result.placements.find((p) => p.status === "unscheduled")).toMatchObject({
      reason: "participant_full",
      participantId: 10,
    });
  });

  it("moves a scheduled meeting to make room, where first come cannot", () => {
    // First come puts 10-11 in slot 1, the only slot 10-12 could use; moving it to slot 2 holds both.
    const input: SchedulerInput = {
      slots: [{ id: 1 }, { id: 2 }],
      tables: [1, 2],
      participants: [
        { id: 10, availableSlots: [1, 2] },
        { id: 11, availableSlots: [1, 2] },
        { id: 12, availableSlots: [1] },
      ],
      meetings: [
        { id: 1, a: 10, b: 11 },
        { id: 2, a: 10, b: 12 },
      ],
    };
    expect(scheduleMeetingsFirstCome(input).scheduled).toBe(1);
    expect(scheduleMeetings(input).placements).toEqual([
      { meetingId: 1, status: "scheduled", slotId: 2, tableId: 1, fixed: false },
      { meetingId: 2, status: "scheduled", slotId: 1, tableId: 1, fixed: false },
    ]);
  });

  it("keeps held meetings at their slot and table on a re-run", () => {
    const result = scheduleMeetings({
      slots: [{ id: 1 }, { id: 2 }],
      tables: [1, 2],
      participants: everyone([10, 11, 12, 13], [1, 2]),
      meetings: [
        { id: 1, a: 10, b: 11, fixed: { slotId: 2, tableId: 2 } },
        { id: 2, a: 12, b: 13 },
        { id: 3, a: 10, b: 12 },
      ],
    });
    expect(result.placements[0]).toEqual({ meetingId: 1, status: "scheduled", slotId: 2, tableId: 2, fixed: true });
    expect(result.scheduled).toBe(3);
  });

  it("rejects a fixed meeting that clashes with an earlier one", () => {
    const result = scheduleMeetings({
      slots: [{ id: 1 }],
      tables: [1, 2],
      participants: everyone([10, 11, 12], [1]),
      meetings: [
        { id: 1, a: 10, b: 11, fixed: { slotId: 1, tableId: 1 } },
        { id: 2, a: 10, b: 12, fixed: { slotId: 1, tableId: 2 } },
        { id: 3, a: 11, b: 12, fixed: { slotId: 1, tableId: 9 } },
      ],
    });
    expect(result.placements.map((p) => p.status === "unscheduled" && p.reason)).toEqual([
      false,
      "fixed_conflict",
      "fixed_conflict",
    ]);
  });

  it("uses a slot's own tables when it lists them", () => {
    const result = scheduleMeetings({
      slots: [
        { id: 1, tables: [] },
        { id: 2, tables: [5] },
      ],
      tables: [1, 2, 3],
      participants: everyone([10, 11, 12, 13], [1, 2]),
      meetings: [
        { id: 1, a: 10, b: 11 },
        { id: 2, a: 12, b: 13 },
      ],
    });
    expect(result.scheduled).toBe(1);
    expect(result.placements.find((p) => p.status === "scheduled")).toMatchObject({ slotId: 2, tableId: 5 });
    expect(result.bound.bound).toBe(1);
  });

  it("bounds a star by its centre's free slots (the capped matching bound)", () => {
    // One buyer, six firms, three slots: at most three meetings, though ⌊Σ caps / 2⌋ = ⌊(3 + 6) / 2⌋ = 4.
    const firms = [11, 12, 13, 14, 15, 16];
    const bound = meetingScheduleBound({
      slots,
      tables: [1, 2, 3],
      participants: everyone([10, ...firms]),
      meetings: firms.map((id) => ({ id, a: 10, b: id })),
    });
    expect(bound.parts.participants).toBe(4);
    expect(bound.parts.capped).toBe(3);
    expect(bound.bound).toBe(3);
  });
});
