// Test harness (tests/agent/test_art.py): the ART helpers of agent/src/lib/art.ts, driven with
// backtraces shaped as frida-java-bridge 7's Java.backtrace() returns them, in a process without ART.

import { ArtBacktrace, ArtFrame, artStack, artStackStats, deoptimizeBootImage, renderFrame } from "../../../agent/src/lib/art.js";

rpc.exports = {
  render: (frames: ArtFrame[]) => frames.map(renderFrame),
  /** artStack over ``bts`` in turn (one per call), and how many times frames were read */
  stacks(bts: ArtBacktrace[], depth: number, apiHead: string) {
    let reads = 0;
    const out = bts.map(bt => artStack(depth, apiHead, () => ({
      id: bt.id,
      get frames() { reads++; return bt.frames; },
    })));
    return { stacks: out, reads, stats: artStackStats() };
  },
  deopt: () => deoptimizeBootImage(),
};
