/**
 * The matchmaking day's scheduler (issue 14, point 3): puts accepted meetings into time slots and tables so that
 * nobody is in two meetings at once, each meeting sits in a slot both sides are available in, a slot holds at most
 * as many meetings as it has tables (each table once), and as many meetings as possible are held. Pure and
 * deterministic: the same input gives the same schedule. Every input meeting comes back exactly once, placed or
 * with the reason it could not be.
 *
 * Maximising the meetings held is an edge-colouring problem with lists and capacities (NP-hard), so the scheduler
 * is a heuristic checked against an upper bound:
 * 1. construction, most constrained first: the meeting with the fewest slots still open to it goes next (ties: the
 *    one whose participants have the least slack, then priority, then request order), into the open slot that
 *    takes the fewest options away from the other meetings of its two participants;
 * 2. improvement by ejection chains (Kempe-chain style): an unscheduled meeting takes a slot by moving the
 *    meeting(s) in its way — a participant's meeting in that slot, or any meeting of a full slot — to another slot,
 *    recursively to a bounded depth, and the whole chain is undone unless every moved meeting finds a place, so
 *    the count never falls. Passes deepen until a pass gains nothing, the upper bound is reached, or a fixed step
 *    budget is spent (a budget of steps, not of time, keeps it deterministic).
 * Meetings already held or checked in come as `fixed` and keep their slot and table.
 */

export type SchedulerSlot = {
  id: number;
  /** Tables usable in this slot; the event's tables when absent. */
  tables?: readonly number[];
};

export type SchedulerParticipant = {
  id: number;
  /** Slot ids the participant is available in. */
  availableSlots: readonly number[];
};

export type SchedulerMeeting = {
  id: number;
  /** The two participants (participant ids). */
  a: number;
  b: number;
  /** Higher goes first among equally constrained meetings; never traded against the number held. */
  priority?: number;
  /** Request order (first come); the meeting's position in the input when absent. */
  order?: number;
  /** A meeting already held or checked in: keeps this slot and table. */
  fixed?: { slotId: number; tableId: number };
};

export type SchedulerInput = {
  slots: readonly SchedulerSlot[];
  /** The event's tables, used in every slot that does not list its own. */
  tables: readonly number[];
  participants: readonly SchedulerParticipant[];
  meetings: readonly SchedulerMeeting[];
};

export type UnscheduledReason =
  /** Both sides are the same participant. */
  | "self_meeting"
  /** A side is not a participant of the event. */
  | "unknown_participant"
  /** The same two participants already have a meeting earlier in the input. */
  | "duplicate_pair"
  /** A fixed meeting whose slot or table does not exist, or clashes with an earlier fixed meeting. */
  | "fixed_conflict"
  /** A side is available in no slot at all. */
  | "participant_unavailable"
  /** Both sides have free time, but never in the same slot. */
  | "no_common_slot"
  /** In every common slot, a side already has another meeting. */
  | "participant_full"
  /** In some common slot both sides were free, but every table was taken. */
  | "tables_full";

export type MeetingPlacement =
  | { meetingId: number; status: "scheduled"; slotId: number; tableId: number; fixed: boolean }
  | {
      meetingId: number;
      status: "unscheduled";
      reason: UnscheduledReason;
      /** For participant_full and participant_unavailable: the side that is full or unavailable. */
      participantId?: number;
    };

export type ScheduleBound = {
  /** The least of the parts below: no schedule can hold more meetings. */
  bound: number;
  parts: {
    /** Valid meetings that have at least one common slot. */
    meetings: number;
    /** Tables summed over the slots. */
    tables: number;
    /** ⌊Σ_p cap_p / 2⌋, cap_p = min(p's meetings, slots p could meet in): each meeting uses two participants. */
    participants: number;
    /**
     * The fractional b-matching bound: meetings with each participant p in at most cap_p of them, fractions allowed
     * (a max flow). Never above `participants`, nor above Σ cap_p over any vertex cover, e.g. over the buyers.
     */
    capped: number;
    /** Σ over slots of min(tables, the fractional matching of the meetings that could be held in that slot). */
    slots: number;
  };
};

export type ScheduleResult = {
  /** One per input meeting, in input order. */
  placements: MeetingPlacement[];
  scheduled: number;
  unscheduled: number;
  bound: ScheduleBound;
};

export type SchedulerOptions = {
  /** Search steps the improvement may spend (default 200 per meeting + 200,000): bounds time, keeps determinism. */
  stepBudget?: number;
  /** Deepest ejection chain tried (default 4). */
  maxDepth?: number;
  /** Steps one attempt to insert a meeting may spend (default 2,000). */
  stepsPerInsert?: number;
};

/** The prepared problem: dense indices, validity and each meeting's common slots. */
type Problem = {
  input: SchedulerInput;
  slotCount: number;
  capacity: Int32Array;
  tablesOf: number[][];
  /** Participant index of each side, -1 for an invalid meeting. */
  ea: Int32Array;
  eb: Int32Array;
  /** Slot indices both sides are available in (the fixed slot for a fixed meeting). */
  common: Int32Array[];
  /** Why a meeting cannot be scheduled whatever the others do; null when it can be considered. */
  invalid: (UnscheduledReason | null)[];
  invalidParticipant: (number | undefined)[];
  /** Fixed slot index and table id, -1 when not fixed (or fixed but invalid). */
  fixedSlot: Int32Array;
  fixedTable: Float64Array;
  participantCount: number;
  participantIds: number[];
  /** Slots each participant is available in. */
  availableCount: Int32Array;
  /** Meetings (valid, with a common slot) of each participant. */
  adjacency: number[][];
  priority: Float64Array;
  order: Float64Array;
};

function prepare(input: SchedulerInput): Problem {
  const slotIndex = new Map<number, number>();
  for (const slot of input.slots) {
    if (slotIndex.has(slot.id)) throw new RangeError(`duplicate slot id ${slot.id}`);
    slotIndex.set(slot.id, slotIndex.size);
  }
  const slotCount = input.slots.length;
  const tablesOf = input.slots.map((slot) => [...new Set(slot.tables ?? input.tables)]);
  const capacity = Int32Array.from(tablesOf, (tables) => tables.length);

  const participantIndex = new Map<number, number>();
  const available: Uint8Array[] = [];
  for (const participant of input.participants) {
    if (participantIndex.has(participant.id)) throw new RangeError(`duplicate participant id ${participant.id}`);
    participantIndex.set(participant.id, participantIndex.size);
    const mask = new Uint8Array(slotCount);
    for (const slotId of participant.availableSlots) {
      const s = slotIndex.get(slotId);
      if (s !== undefined) mask[s] = 1;
    }
    available.push(mask);
  }

  const count = input.meetings.length;
  const ea = new Int32Array(count).fill(-1);
  const eb = new Int32Array(count).fill(-1);
  const common: Int32Array[] = [];
  const invalid: (UnscheduledReason | null)[] = [];
  const invalidParticipant: (number | undefined)[] = [];
  const fixedSlot = new Int32Array(count).fill(-1);
  const fixedTable = new Float64Array(count).fill(-1);
  const priority = new Float64Array(count);
  const order = new Float64Array(count);
  const pairs = new Set<string>();
  const fixedBusy = new Set<string>();
  const adjacency: number[][] = input.participants.map(() => []);
  const empty = new Int32Array(0);

  input.meetings.forEach((meeting, e) => {
    priority[e] = meeting.priority ?? 0;
    order[e] = meeting.order ?? e;
    common.push(empty);
    invalidParticipant.push(undefined);
    const a = participantIndex.get(meeting.a);
    const b = participantIndex.get(meeting.b);
    const reject = (reason: UnscheduledReason, participantId?: number) => {
      invalid.push(reason);
      invalidParticipant[e] = participantId;
    };
    if (meeting.a === meeting.b) return reject("self_meeting");
    if (a === undefined) return reject("unknown_participant", meeting.a);
    if (b === undefined) return reject("unknown_participant", meeting.b);
    const pair = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (pairs.has(pair)) return reject("duplicate_pair");
    pairs.add(pair);
    if (meeting.fixed) {
      const s = slotIndex.get(meeting.fixed.slotId);
      const table = meeting.fixed.tableId;
      const clash = (key: string) => fixedBusy.has(`${s}:${key}`);
      if (s === undefined || !tablesOf[s]!.includes(table) || clash(`t${table}`) || clash(`p${a}`) || clash(`p${b}`))
        return reject("fixed_conflict");
      for (const key of [`t${table}`, `p${a}`, `p${b}`]) fixedBusy.add(`${s}:${key}`);
      fixedSlot[e] = s;
      fixedTable[e] = table;
      common[e] = Int32Array.of(s);
    } else {
      const maskA = available[a]!;
      const maskB = available[b]!;
      if (!maskA.includes(1)) return reject("participant_unavailable", meeting.a);
      if (!maskB.includes(1)) return reject("participant_unavailable", meeting.b);
      const slots: number[] = [];
      for (let s = 0; s < slotCount; s++) if (maskA[s] && maskB[s] && capacity[s]! > 0) slots.push(s);
      if (slots.length === 0) return reject("no_common_slot");
      common[e] = Int32Array.from(slots);
    }
    ea[e] = a;
    eb[e] = b;
    invalid.push(null);
    adjacency[a]!.push(e);
    adjacency[b]!.push(e);
  });

  return {
    input,
    slotCount,
    capacity,
    tablesOf,
    ea,
    eb,
    common,
    invalid,
    invalidParticipant,
    fixedSlot,
    fixedTable,
    participantCount: input.participants.length,
    participantIds: input.participants.map((p) => p.id),
    availableCount: Int32Array.from(available, (mask) => mask.reduce((sum, x) => sum + x, 0)),
    adjacency,
    priority,
    order,
  };
}

/** Each participant's cap: min(their meetings, the slots in which any of them could be held). */
function participantCaps(problem: Problem): Int32Array {
  const caps = new Int32Array(problem.participantCount);
  const seen = new Uint8Array(problem.slotCount);
  problem.adjacency.forEach((meetings, p) => {
    seen.fill(0);
    let slots = 0;
    for (const e of meetings)
      for (const s of problem.common[e]!)
        if (!seen[s]) {
          seen[s] = 1;
          slots++;
        }
    caps[p] = Math.min(meetings.length, slots);
  });
  return caps;
}

/** A flow network with integer capacities, maximised by Dinic's algorithm (BFS levels, DFS blocking flows). */
class FlowNetwork {
  private readonly head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private residual: number[] = [];
  private readonly nodeCount: number;

  constructor(nodeCount: number) {
    this.nodeCount = nodeCount;
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  add(from: number, to: number, capacity: number): void {
    for (const [u, v, c] of [
      [from, to, capacity],
      [to, from, 0],
    ] as const) {
      this.to.push(v);
      this.residual.push(c);
      this.next.push(this.head[u]!);
      this.head[u] = this.to.length - 1;
    }
  }

  maxFlow(source: number, sink: number): number {
    const level = new Int32Array(this.nodeCount);
    const cursor = new Int32Array(this.nodeCount);
    const queue = new Int32Array(this.nodeCount);
    let flow = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let read = 0;
      let write = 0;
      queue[write++] = source;
      while (read < write) {
        const u = queue[read++]!;
        for (let arc = this.head[u]!; arc !== -1; arc = this.next[arc]!)
          if (this.residual[arc]! > 0 && level[this.to[arc]!] === -1) {
            level[this.to[arc]!] = level[u]! + 1;
            queue[write++] = this.to[arc]!;
          }
      }
      if (level[sink] === -1) return flow;
      cursor.set(this.head);
      for (;;) {
        const pushed = this.push(source, sink, Infinity, level, cursor);
        if (pushed === 0) break;
        flow += pushed;
      }
    }
  }

  private push(u: number, sink: number, limit: number, level: Int32Array, cursor: Int32Array): number {
    if (u === sink) return limit;
    for (; cursor[u] !== -1; cursor[u] = this.next[cursor[u]!]!) {
      const arc = cursor[u]!;
      const v = this.to[arc]!;
      if (this.residual[arc]! <= 0 || level[v] !== level[u]! + 1) continue;
      const pushed = this.push(v, sink, Math.min(limit, this.residual[arc]!), level, cursor);
      if (pushed > 0) {
        this.residual[arc]! -= pushed;
        this.residual[arc ^ 1]! += pushed;
        return pushed;
      }
    }
    return 0;
  }
}

/**
 * The fractional b-matching bound: the most meetings (each held at most once) such that participant p is in at most
 * cap_p of them, with fractions allowed. It is half the maximum flow through the doubled graph (p on the left with
 * capacity cap_p from the source, p on the right with cap_p to the sink, each meeting p–q an arc p→q and q→p), so it
 * is at least what any schedule holds, and never above ⌊Σ cap / 2⌋ or Σ cap over any vertex cover (LP duality).
 */
function cappedMatchingBound(
  participantCount: number,
  caps: ArrayLike<number>,
  meetings: Iterable<number>,
  ea: Int32Array,
  eb: Int32Array,
): number {
  const source = 2 * participantCount;
  const sink = source + 1;
  const network = new FlowNetwork(sink + 1);
  for (let p = 0; p < participantCount; p++)
    if (caps[p]! > 0) {
      network.add(source, p, caps[p]!);
      network.add(participantCount + p, sink, caps[p]!);
    }
  for (const e of meetings) {
    network.add(ea[e]!, participantCount + eb[e]!, 1);
    network.add(eb[e]!, participantCount + ea[e]!, 1);
  }
  return Math.floor(network.maxFlow(source, sink) / 2);
}

function computeBound(problem: Problem): ScheduleBound {
  const { common, ea, eb, capacity, slotCount, participantCount } = problem;
  const valid: number[] = [];
  for (let e = 0; e < ea.length; e++) if (ea[e]! >= 0) valid.push(e);
  const tables = capacity.reduce((sum, c) => sum + c, 0);
  const caps = participantCaps(problem);
  const participants = Math.floor(caps.reduce((sum, c) => sum + c, 0) / 2);
  const capped = cappedMatchingBound(participantCount, caps, valid, ea, eb);

  // Per slot: the meetings that could be held in it form a graph; a slot holds at most a matching of it, and no
  // more than its tables.
  const bySlot: number[][] = Array.from({ length: slotCount }, () => []);
  for (const e of valid) for (const s of common[e]!) bySlot[s]!.push(e);
  const ones = new Int32Array(participantCount).fill(1);
  let slots = 0;
  for (let s = 0; s < slotCount; s++)
    slots += Math.min(capacity[s]!, cappedMatchingBound(participantCount, ones, bySlot[s]!, ea, eb));

  const parts = { meetings: valid.length, tables, participants, capped, slots };
  return { bound: Math.min(...Object.values(parts)), parts };
}

/** The mutable schedule: who is busy when, and what each slot holds. */
class Schedule {
  readonly slotOf: Int32Array;
  readonly busy: Int32Array;
  readonly used: Int32Array;
  readonly members: number[][];
  readonly position: Int32Array;
  scheduled = 0;
  readonly problem: Problem;

  constructor(problem: Problem) {
    this.problem = problem;
    const count = problem.ea.length;
    this.slotOf = new Int32Array(count).fill(-1);
    this.busy = new Int32Array(problem.participantCount * problem.slotCount).fill(-1);
    this.used = new Int32Array(problem.slotCount);
    this.members = Array.from({ length: problem.slotCount }, () => []);
    this.position = new Int32Array(count).fill(-1);
  }

  busyAt(p: number, s: number): number {
    return this.busy[p * this.problem.slotCount + s]!;
  }

  canPlace(e: number, s: number): boolean {
    return (
      this.used[s]! < this.problem.capacity[s]! &&
      this.busyAt(this.problem.ea[e]!, s) === -1 &&
      this.busyAt(this.problem.eb[e]!, s) === -1
    );
  }

  place(e: number, s: number): void {
    const { ea, eb, slotCount } = this.problem;
    this.slotOf[e] = s;
    this.busy[ea[e]! * slotCount + s] = e;
    this.busy[eb[e]! * slotCount + s] = e;
    this.used[s]!++;
    this.position[e] = this.members[s]!.length;
    this.members[s]!.push(e);
    this.scheduled++;
  }

  remove(e: number): void {
    const { ea, eb, slotCount } = this.problem;
    const s = this.slotOf[e]!;
    this.slotOf[e] = -1;
    this.busy[ea[e]! * slotCount + s] = -1;
    this.busy[eb[e]! * slotCount + s] = -1;
    this.used[s]!--;
    const list = this.members[s]!;
    const at = this.position[e]!;
    const last = list.pop()!;
    if (last !== e) {
      list[at] = last;
      this.position[last] = at;
    }
    this.position[e] = -1;
    this.scheduled--;
  }
}

function placeFixed(problem: Problem, schedule: Schedule): void {
  for (let e = 0; e < problem.fixedSlot.length; e++)
    if (problem.fixedSlot[e]! >= 0 && problem.invalid[e] === null) schedule.place(e, problem.fixedSlot[e]!);
}

/** A binary min-heap of numbers. */
class NumberHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(value: number): void {
    const items = this.items;
    let i = items.length;
    items.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right]! < items[left]! ? right : left;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

/** Most constrained first: fewest open slots, then least participant slack, then priority, then request order. */
function construct(problem: Problem, schedule: Schedule): void {
  const { ea, eb, common, adjacency, slotCount, capacity, priority, order } = problem;
  const count = ea.length;
  const caps = participantCaps(problem);
  // Slack of a participant: meetings per slot they could use; below 1 every one of their meetings is needed.
  const slack = (p: number) => adjacency[p]!.length / Math.max(1, caps[p]!);
  const candidates: number[] = [];
  for (let e = 0; e < count; e++) if (ea[e]! >= 0 && schedule.slotOf[e] === -1) candidates.push(e);
  const tight = new Float64Array(count);
  const loose = new Float64Array(count);
  for (const e of candidates) {
    const sa = slack(ea[e]!);
    const sb = slack(eb[e]!);
    tight[e] = Math.min(sa, sb);
    loose[e] = Math.max(sa, sb);
  }
  const ranked = [...candidates].sort(
    (e, f) =>
      tight[e]! - tight[f]! || loose[e]! - loose[f]! || priority[f]! - priority[e]! || order[e]! - order[f]! || e - f,
  );
  const rank = new Int32Array(count);
  ranked.forEach((e, r) => (rank[e] = r));
  const stride = ranked.length + 1;

  const open = new Int32Array(count);
  const heap = new NumberHeap();
  for (const e of candidates) {
    let n = 0;
    for (const s of common[e]!) if (schedule.canPlace(e, s)) n++;
    open[e] = n;
    heap.push(n * stride + rank[e]!);
  }
  const bySlot: number[][] = Array.from({ length: slotCount }, () => []);
  for (const e of candidates) for (const s of common[e]!) bySlot[s]!.push(e);
  const harm = new Float64Array(slotCount);

  while (heap.size > 0) {
    const key = heap.pop();
    const n = Math.floor(key / stride);
    const e = ranked[key - n * stride]!;
    if (schedule.slotOf[e] !== -1 || open[e] !== n || n === 0) continue;
    const a = ea[e]!;
    const b = eb[e]!;
    // How much each open slot would take from the other waiting meetings of a and b (weighted by how few options
    // they have left), so the slot chosen costs them least.
    for (const s of common[e]!) harm[s] = 0;
    for (const p of [a, b])
      for (const f of adjacency[p]!) {
        if (f === e || schedule.slotOf[f] !== -1 || open[f] === 0) continue;
        for (const s of common[f]!) if (schedule.canPlace(f, s)) harm[s] = harm[s]! + 1 / open[f]!;
      }
    let best = -1;
    for (const s of common[e]!) {
      if (!schedule.canPlace(e, s)) continue;
      if (best === -1 || harm[s]! < harm[best]! || (harm[s] === harm[best] && schedule.used[s]! < schedule.used[best]!))
        best = s;
    }
    schedule.place(e, best);
    // The meetings of a and b lose this slot (if their other side was free in it).
    for (const p of [a, b])
      for (const f of adjacency[p]!) {
        if (schedule.slotOf[f] !== -1 || !common[f]!.includes(best)) continue;
        const q = ea[f] === p ? eb[f]! : ea[f]!;
        if (schedule.busyAt(q, best) === -1 && open[f]! > 0) {
          open[f]!--;
          heap.push(open[f]! * stride + rank[f]!);
        }
      }
    if (schedule.used[best] === capacity[best])
      for (const f of bySlot[best]!) {
        if (schedule.slotOf[f] !== -1) continue;
        if (schedule.busyAt(ea[f]!, best) === -1 && schedule.busyAt(eb[f]!, best) === -1 && open[f]! > 0) {
          open[f]!--;
          heap.push(open[f]! * stride + rank[f]!);
        }
      }
  }
}

/** Ejection chains: inserts unscheduled meetings by moving others out of the way, undoing any chain that fails. */
class Improver {
  private readonly log: number[] = [];
  private readonly locked: Uint8Array;
  steps = 0;
  /** Steps at which the current insertion gives up: one hopeless meeting cannot spend the whole budget. */
  private limit = 0;

  private readonly problem: Problem;
  private readonly schedule: Schedule;
  private readonly budget: number;

  constructor(problem: Problem, schedule: Schedule, budget: number) {
    this.problem = problem;
    this.schedule = schedule;
    this.budget = budget;
    this.locked = new Uint8Array(problem.ea.length);
    for (let e = 0; e < problem.fixedSlot.length; e++) if (problem.fixedSlot[e]! >= 0) this.locked[e] = 1;
  }

  get exhausted(): boolean {
    return this.steps >= this.budget;
  }

  private get stopped(): boolean {
    return this.steps >= this.limit;
  }

  /** Tries to insert e, moving others at most `depth` levels deep; on failure the schedule is as before. */
  insert(e: number, depth: number, stepsPerInsert: number): boolean {
    this.limit = Math.min(this.budget, this.steps + stepsPerInsert);
    const mark = this.log.length;
    if (this.tryInsert(e, depth)) {
      this.commit(mark);
      return true;
    }
    this.rollback(mark);
    return false;
  }

  private tryInsert(e: number, depth: number): boolean {
    this.steps++;
    const { schedule, problem } = this;
    const slots = problem.common[e]!;
    for (const s of slots)
      if (schedule.canPlace(e, s)) {
        this.place(e, s);
        return true;
      }
    if (depth === 0) return false;
    const a = problem.ea[e]!;
    const b = problem.eb[e]!;
    for (const s of slots) {
      if (this.stopped) return false;
      const inA = schedule.busyAt(a, s);
      const inB = schedule.busyAt(b, s);
      if ((inA !== -1 && this.locked[inA]) || (inB !== -1 && this.locked[inB])) continue;
      const blockers = inA === -1 ? (inB === -1 ? [] : [inB]) : inB === -1 || inB === inA ? [inA] : [inA, inB];
      if (blockers.length > 0) {
        if (this.moveAside(e, s, blockers, depth)) return true;
        continue;
      }
      // Both free but the slot is full: move one of its meetings elsewhere.
      for (const m of [...schedule.members[s]!]) {
        if (this.locked[m]) continue;
        if (this.moveAside(e, s, [m], depth)) return true;
        if (this.stopped) return false;
      }
    }
    return false;
  }

  /** Takes the blockers out of slot s, puts e there, and re-inserts each blocker elsewhere; undone on failure. */
  private moveAside(e: number, s: number, blockers: readonly number[], depth: number): boolean {
    const mark = this.log.length;
    for (const m of blockers) this.remove(m);
    this.place(e, s);
    if (blockers.every((m) => this.tryInsert(m, depth - 1))) return true;
    this.rollback(mark);
    return false;
  }

  // The undo log holds +(e+1) for a placement (whose slot is then known) and -(e+1)*slots - s - 1 for a removal
  // from slot s; placed meetings stay locked until the chain commits or rolls back, so a chain never undoes itself.
  private place(e: number, s: number): void {
    this.schedule.place(e, s);
    this.locked[e] = 1;
    this.log.push(e + 1);
  }

  private remove(e: number): void {
    const s = this.schedule.slotOf[e]!;
    this.schedule.remove(e);
    this.log.push(-((e + 1) * this.problem.slotCount + s + 1));
  }

  private rollback(mark: number): void {
    const slotCount = this.problem.slotCount;
    while (this.log.length > mark) {
      const entry = this.log.pop()!;
      if (entry > 0) {
        const e = entry - 1;
        this.schedule.remove(e);
        this.locked[e] = 0;
      } else {
        const code = -entry - 1;
        const e = Math.floor(code / slotCount) - 1;
        this.schedule.place(e, code % slotCount);
      }
    }
  }

  private commit(mark: number): void {
    for (let i = mark; i < this.log.length; i++) {
      const entry = this.log[i]!;
      if (entry > 0 && this.problem.fixedSlot[entry - 1]! < 0) this.locked[entry - 1] = 0;
    }
    this.log.length = mark;
  }
}

function improve(problem: Problem, schedule: Schedule, bound: number, options: SchedulerOptions): void {
  const count = problem.ea.length;
  const improver = new Improver(problem, schedule, options.stepBudget ?? 200 * count + 200_000);
  const maxDepth = options.maxDepth ?? 4;
  const stepsPerInsert = options.stepsPerInsert ?? 2000;
  const waiting = () => {
    const list: number[] = [];
    for (let e = 0; e < count; e++) if (problem.ea[e]! >= 0 && schedule.slotOf[e] === -1) list.push(e);
    return list.sort(
      (e, f) => problem.priority[f]! - problem.priority[e]! || problem.order[e]! - problem.order[f]! || e - f,
    );
  };
  const full = () => schedule.used.every((used, s) => used >= problem.capacity[s]!);
  for (let depth = 1; depth <= maxDepth; depth++) {
    let gained = true;
    while (gained) {
      gained = false;
      for (const e of waiting()) {
        if (schedule.scheduled >= bound || full() || improver.exhausted) return;
        if (improver.insert(e, depth, stepsPerInsert)) gained = true;
      }
    }
  }
}

function reasonFor(
  problem: Problem,
  schedule: Schedule,
  e: number,
): { reason: UnscheduledReason; participantId?: number } {
  const a = problem.ea[e]!;
  const b = problem.eb[e]!;
  let busyA = 0;
  let busyB = 0;
  for (const s of problem.common[e]!) {
    const aFree = schedule.busyAt(a, s) === -1;
    const bFree = schedule.busyAt(b, s) === -1;
    if (aFree && bFree) return { reason: "tables_full" };
    if (!aFree) busyA++;
    if (!bFree) busyB++;
  }
  // The side busy in more of the common slots is the full one; on a tie, the side free in fewer slots (whose
  // availability is what leaves no room).
  const freeA = problem.availableCount[a]!;
  const freeB = problem.availableCount[b]!;
  const fullSide = busyA !== busyB ? (busyA > busyB ? a : b) : freeA <= freeB ? a : b;
  return { reason: "participant_full", participantId: problem.participantIds[fullSide] };
}

/** Tables within each slot: fixed meetings keep theirs; the rest take the free ones in the slot's table order. */
function result(problem: Problem, schedule: Schedule, bound: ScheduleBound): ScheduleResult {
  const { input, priority, order } = problem;
  const tableOf = new Float64Array(problem.ea.length).fill(-1);
  for (let s = 0; s < problem.slotCount; s++) {
    const members = [...schedule.members[s]!];
    const taken = new Set<number>();
    for (const e of members)
      if (problem.fixedSlot[e]! >= 0) {
        tableOf[e] = problem.fixedTable[e]!;
        taken.add(problem.fixedTable[e]!);
      }
    const free = problem.tablesOf[s]!.filter((table) => !taken.has(table));
    members
      .filter((e) => problem.fixedSlot[e]! < 0)
      .sort((e, f) => priority[f]! - priority[e]! || order[e]! - order[f]! || e - f)
      .forEach((e, i) => (tableOf[e] = free[i]!));
  }
  const placements = input.meetings.map((meeting, e): MeetingPlacement => {
    const invalid = problem.invalid[e];
    if (invalid) {
      const participantId = problem.invalidParticipant[e];
      return participantId === undefined
        ? { meetingId: meeting.id, status: "unscheduled", reason: invalid }
        : { meetingId: meeting.id, status: "unscheduled", reason: invalid, participantId };
    }
    const s = schedule.slotOf[e]!;
    if (s === -1) return { meetingId: meeting.id, status: "unscheduled", ...reasonFor(problem, schedule, e) };
    return {
      meetingId: meeting.id,
      status: "scheduled",
      slotId: input.slots[s]!.id,
      tableId: tableOf[e]!,
      fixed: problem.fixedSlot[e]! >= 0,
    };
  });
  return { placements, scheduled: schedule.scheduled, unscheduled: placements.length - schedule.scheduled, bound };
}

/** The upper bound on meetings any schedule of this input can hold, with the part each bound gives. */
export function meetingScheduleBound(input: SchedulerInput): ScheduleBound {
  return computeBound(prepare(input));
}

/**
 * Schedules the accepted meetings (see the module comment): most constrained first, then ejection chains, fixed
 * meetings kept. Deterministic; every input meeting appears once in `placements`, in input order.
 */
export function scheduleMeetings(input: SchedulerInput, options: SchedulerOptions = {}): ScheduleResult {
  const problem = prepare(input);
  const bound = computeBound(problem);
  const constrained = new Schedule(problem);
  placeFixed(problem, constrained);
  construct(problem, constrained);
  // Most constrained first usually wins, but not always: improving the better of the two starts guarantees the
  // result is never below the first-come baseline.
  const firstCome = firstComeSchedule(problem);
  const schedule = firstCome.scheduled > constrained.scheduled ? firstCome : constrained;
  improve(problem, schedule, bound.bound, options);
  return result(problem, schedule, bound);
}

function firstComeSchedule(problem: Problem): Schedule {
  const schedule = new Schedule(problem);
  placeFixed(problem, schedule);
  const queue: number[] = [];
  for (let e = 0; e < problem.ea.length; e++) if (problem.ea[e]! >= 0 && schedule.slotOf[e] === -1) queue.push(e);
  queue.sort((e, f) => problem.order[e]! - problem.order[f]! || e - f);
  for (const e of queue) {
    const s = problem.common[e]!.find((slot) => schedule.canPlace(e, slot));
    if (s !== undefined) schedule.place(e, s);
  }
  return schedule;
}

/**
 * The first-come greedy baseline: meetings in request order, each into the first common slot where both sides are
 * free and a table is left. Same validation, fixed meetings and output as {@link scheduleMeetings}.
 */
export function scheduleMeetingsFirstCome(input: SchedulerInput): ScheduleResult {
  const problem = prepare(input);
  return result(problem, firstComeSchedule(problem), computeBound(problem));
}
