// The C half of the HotSpot stack walk (compiled at run time with CModule): one native call walks the
// stack with JVMTI GetStackTrace and finds an identical (jmethodID, jlocation) sequence among the
// stacks already rendered, so a repeated call site costs no per-frame JavaScript. Lookups are exact
// (hash, then frame-by-frame comparison); the cache stops growing when full. Only ever called with
// the JS lock held (exclusive scheduling), so it needs no locking of its own.

export function stackCacheSource(maxFrames: number, pool: number, slots: number): string {
  return `
typedef long long i64;
typedef int i32;
typedef unsigned long long u64;
typedef struct { void *method; i64 location; } Frame;
typedef i32 (*GetStackTrace) (void *env, void *thread, i32 start, i32 max, Frame *frames, i32 *count);

#define MAXF ${maxFrames}
#define POOL ${pool}
#define SLOTS ${slots}

typedef struct { u64 hash; i32 n; i32 id1; } Slot;
/* Memory from Memory.alloc (a CModule's own large statics are not usable). */
extern Slot slots[SLOTS];
extern Frame pool[POOL][MAXF];
extern i32 used_cell[1];
#define used (used_cell[0])

static u64 hash_frames (const Frame *f, i32 n) {
  u64 h = 1469598103934665603ULL ^ (u64) n;
  for (i32 i = 0; i != n; i++) {
    h ^= (u64) f[i].method; h *= 1099511628211ULL;
    h ^= (u64) f[i].location; h *= 1099511628211ULL;
  }
  return h;
}

static i32 same (const Frame *a, const Frame *b, i32 n) {
  for (i32 i = 0; i != n; i++)
    if (a[i].method != b[i].method || a[i].location != b[i].location) return 0;
  return 1;
}

/* Walk up to want frames into frames/count; the id of an identical stack remembered before, -1 if
   none, or -1000 - error on a JVMTI error. */
i32 capture (void *env, GetStackTrace gst, i32 want, Frame *frames, i32 *count) {
  i32 rc = gst (env, (void *) 0, 0, want, frames, count);
  if (rc != 0) return -1000 - rc;
  i32 n = *count;
  u64 h = hash_frames (frames, n);
  u64 i = h & (SLOTS - 1);
  for (i32 probes = 0; probes != SLOTS; probes++, i = (i + 1) & (SLOTS - 1)) {
    Slot *s = &slots[i];
    if (s->id1 == 0) return -1;
    if (s->hash == h && s->n == n && same (pool[s->id1 - 1], frames, n)) return s->id1 - 1;
  }
  return -1;
}

/* Empty the cache. */
void reset (void) {
  for (i32 i = 0; i != SLOTS; i++) { slots[i].hash = 0; slots[i].n = 0; slots[i].id1 = 0; }
  used = 0;
}

/* Remember frames[0..n) under a new id (returned), or -1 when the cache is full. */
i32 remember (const Frame *frames, i32 n) {
  if (used >= POOL || n > MAXF) return -1;
  u64 h = hash_frames (frames, n);
  u64 i = h & (SLOTS - 1);
  while (slots[i].id1 != 0) i = (i + 1) & (SLOTS - 1);
  for (i32 k = 0; k != n; k++) pool[used][k] = frames[k];
  slots[i].hash = h; slots[i].n = n; slots[i].id1 = used + 1;
  return used++;
}
`;
}
