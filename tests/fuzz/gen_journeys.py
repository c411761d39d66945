#!/usr/bin/env python3
"""gen_journeys.py - structure-aware fuzzing of the journeymap command line (make fuzz-gen).

Takes the valid journeys in samples/, mutates them where the format has meaning (numbers huge,
negative, NaN and infinite; 100k steps, 10k participants, 10 MB strings, deep nesting, alias
bombs, wrong types, hostile Unicode, broken bytes) and runs each result through the command line
with a view, format and options of its own, twice:

  - the sanitizer build (build-asan/journeymap, ASan + UBSan): any report is a crash;
  - the normal build under the documented limits (time TIME_LIMIT s, address space MEM_LIMIT):
    running past them is a hang or a blow-up.

Exit codes 0 (drawn), 1 (bad input), 4 (layout defects) are answers; a signal, a sanitizer
report, 3 (output failure: the input should have been refused at load) or anything else is a
finding. Findings are kept in OUT/findings/NNNNN-what.yaml with the command line and its
stderr; everything else is deleted after its run (huge inputs are made on the fly, never kept).

Deterministic: the same --seed gives the same inputs and options.
  python3 tests/fuzz/gen_journeys.py --count 2000 --seed 1 --out build-fuzz/gen
  python3 tests/fuzz/gen_journeys.py --write-only 20 --out /tmp/j   (only write inputs)
"""
import argparse
import copy
import glob
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIME_LIMIT = 20            # s, normal build (the documented limit)
ASAN_TIME_LIMIT = 120      # s, sanitizer build (several times slower)
MEM_LIMIT = 1 << 30        # bytes of address space, normal build
ASAN_RSS_MB = 3072         # the sanitizer build's own limit (ASan cannot run under ulimit -v)

NUMBERS = ["0", "-1", "-0.0", "1e308", "-1e308", "1.7976931348623157e308", "9223372036854775807",
           "-9223372036854775808", "18446744073709551616", "1e999", "-1e999", "5e-324", "0.5",
           "1000000", "-1000000", "2147483648", ".nan", ".NaN", ".inf", "-.inf", "+.inf", "0x7fffffff",
           "0o777", "1_000", "!!float nan", "!!int 99999999999999999999", "'12'", "12abc", "~", "1e-9"]
SCORE_KEYS = {"score", "count", "emotion", "emotions", "duration", "frequency"}
TEXTS = ["", " ", "\t", "a\u0301\u0301\u0301\u0301", "\u202e\u202dRTL override", "\u200d\u200d\u200d",
         "\U0001F469\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466" * 50, "שלום עולם مرحبا", "中文字" * 300,
         "\u0000", "\x1b]0;title\x07", "\r\n\r\n", "\\", "%s%n%x", "&x *y !z", "- - -", "{[}]", "#",
         "\ud7ff\ue000\uf8ff", "\U0010FFFD", "line\u2028sep\u2029para", "\u00ad" * 1000]
VIEWS = [None, "funnel", "sequence", "emotions", "map", "all"]
FORMATS = ["png", "svg", "pdf"]


class Placeholders:
    """Text spliced into the YAML after dumping: raw tokens (.nan, 1e999), huge strings, deep
    nesting. The tree holds a marker string; dump() replaces each quoted marker."""

    def __init__(self):
        self.items = {}

    def add(self, text):
        key = "@@PH%d@@" % len(self.items)
        self.items[key] = text
        return key

    def splice(self, out):
        for key, text in self.items.items():
            for quoted in ("'%s'" % key, '"%s"' % key, key):
                if quoted in out:
                    out = out.replace(quoted, text, 1)
                    break
        return out


def big_string(rnd, size):
    kind = rnd.choice(["words", "word", "cjk", "combining", "lines", "rtl"])
    unit = {"words": "lorem ipsum dolor ", "word": "x", "cjk": "漢字かな", "combining": "e\u0301",
            "lines": "line\\n", "rtl": "שלום مرحبا "}[kind]
    s = unit * (size // len(unit.encode()) + 1)
    return '"' + s[:size] + '"', kind


def deep_nesting(rnd, depth):
    kind = rnd.choice(["flow-seq", "flow-map", "block-seq"])
    if kind == "flow-seq":
        return "[" * depth + "]" * depth, kind
    if kind == "flow-map":
        return "{a: " * depth + "b" + "}" * depth, kind
    return "\n" + "".join("  " * (i + 1) + "-\n" for i in range(min(depth, 2000))) + "  " * 2001 + "x", kind


def all_paths(tree, max_depth=60):
    """Every (container, key, path) of the tree, depth first; a shared object (an alias) is walked
    once, and nothing below max_depth."""
    out, seen, todo = [], set(), [(tree, ())]
    while todo:
        node, path = todo.pop()
        if id(node) in seen or len(path) > max_depth: continue
        seen.add(id(node))
        keys = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
        for k in keys:
            out.append((node, k, path + (k,)))
            if isinstance(node[k], (dict, list)): todo.append((node[k], path + (k,)))
    return out


def find_list(tree, key):
    for parent, k, _ in all_paths(tree):
        if k == key and isinstance(parent[k], list) and parent[k]:
            return parent, k
    return None


class Mutator:
    def __init__(self, rnd):
        self.rnd = rnd
        self.ph = Placeholders()
        self.huge = False
        self.aliases = False   # shared objects in the tree: only the YAML dumper keeps them aliases

    def numbers(self, tree):
        paths = [p for p in all_paths(tree) if p[1] in SCORE_KEYS or isinstance(p[0][p[1]], (int, float))]
        paths = paths or all_paths(tree)
        for parent, k, _ in self.rnd.sample(paths, min(len(paths), self.rnd.randint(1, 4))):
            parent[k] = self.ph.add(self.rnd.choice(NUMBERS))
        return "numbers"

    def scores(self, tree):
        paths = [p for p in all_paths(tree) if p[1] == "score"]
        if not paths:
            found = find_list(tree, "steps")
            if not found: return self.numbers(tree)
            steps = found[0][found[1]]
            paths = [(s["emotion"], "score", None) for s in steps if isinstance(s, dict) and isinstance(s.get("emotion"), dict)]
            if not paths: return self.numbers(tree)
        for parent, k, _ in self.rnd.sample(paths, min(len(paths), self.rnd.randint(1, 3))):
            parent[k] = self.ph.add(self.rnd.choice([".nan", ".inf", "-.inf", "nan", "inf", "1e308", "-1e308",
                                                     "-5", "99", "1e-320", "-0.0"]))
        return "nan-inf-scores"

    def many_steps(self, tree):
        n = self.rnd.choice([2000, 2000, 2001, 100000])   # JM_MAX_STEPS, +1, far past it
        self.huge = n >= 10000
        found = find_list(tree, "steps")
        base = found[0][found[1]] if found else [{"title": "step", "emotion": {"label": "ok", "score": 1}}]
        steps = []
        for i in range(n):
            s = copy.deepcopy(base[i % len(base)]) if isinstance(base[i % len(base)], dict) else {"title": "s"}
            s["title"] = "step %d" % i
            steps.append(s)
        tree["steps"] = steps
        return "steps-%d" % n

    def many_stages(self, tree):
        n = self.rnd.choice([200, 200, 201, 50000])
        self.huge = n >= 5000
        tree["stages"] = [{"name": "stage %d" % i, "count": i} for i in range(n)]
        return "stages-%d" % n

    def many_participants(self, tree):
        n = self.rnd.choice([100, 100, 101, 10000])
        self.huge = n >= 1000
        parts = [{"id": "P%d" % i, "label": "participant %d" % i} for i in range(n)]
        msgs = ["P%d->>P%d: m%d" % (self.rnd.randrange(n), self.rnd.randrange(n), i) for i in range(n)]
        seq = tree.get("sequence") if isinstance(tree.get("sequence"), dict) else {}
        seq.update({"participants": parts, "messages": msgs})
        tree["sequence"] = seq
        return "participants-%d" % n

    def many_messages(self, tree):
        n = self.rnd.choice([10000, 10000, 10001, 30000])
        self.huge = n >= 10000
        seq = tree.get("sequence") if isinstance(tree.get("sequence"), dict) else {}
        seq.setdefault("participants", [{"id": "A"}, {"id": "B"}])
        seq["messages"] = ["A->>B: message %d" % i if i % 2 else "B-->>A: reply %d" % i for i in range(n)]
        tree["sequence"] = seq
        return "messages-%d" % n

    def table_blowup(self, tree):
        cols = self.rnd.choice([1, 50, 51, 2000])
        rows = self.rnd.choice([1, 2000, 2001])
        self.huge = cols * rows >= 100000
        tree["tables"] = [{"title": "t", "columns": ["c%d" % i for i in range(cols)],
                           "rows": [["r%d c%d" % (r, c) for c in range(cols)] for r in range(rows)]}]
        return "table-%dx%d" % (cols, rows)

    def huge_string(self, tree):
        size = self.rnd.choice([65536, 65536, 65537, 1 << 20, 10 << 20])   # JM_MAX_TEXT_BYTES
        self.huge = size > 1 << 20
        text, kind = big_string(self.rnd, size)
        paths = [p for p in all_paths(tree) if isinstance(p[0][p[1]], str)]
        parent, k, _ = self.rnd.choice(paths) if paths else (tree, "title", None)
        parent[k] = self.ph.add(text)
        return "string-%d-%s" % (size, kind)

    def deep(self, tree):
        depth = self.rnd.choice([50, 60, 62, 63, 64, 1000, 100000])
        text, kind = deep_nesting(self.rnd, depth)
        paths = all_paths(tree)
        parent, k, _ = self.rnd.choice(paths)
        parent[k] = self.ph.add(text)
        return "nesting-%d-%s" % (depth, kind)

    def nested_groups(self, tree):
        depth = self.rnd.choice([14, 15, 16, 500, 5000])
        node = '{"group": "loop", "label": "innermost", "messages": ["A->>B: deep"]}'
        for i in range(depth):   # as text: too deep for the dumpers' recursion
            node = '{"group": "%s", "label": "g%d", "messages": ["A->>B: m%d", %s]}' % (
                self.rnd.choice(["loop", "alt", "opt", "par", "critical"]), i, i, node)
        tree["sequence"] = {"participants": [{"id": "A"}, {"id": "B"}], "messages": [self.ph.add(node)]}
        return "groups-%d" % depth

    def alias_bomb(self, tree):
        """Shared objects: PyYAML writes them as anchors and aliases."""
        levels, fan = self.rnd.choice([(3, 10), (6, 10), (9, 10), (2, 300)])
        leaf = self.rnd.choice(["lol", "x" * 65536, {"title": "aliased step"}])
        self.aliases = True
        node = [leaf] * fan
        for _ in range(levels - 1):
            node = [node] * fan
        where = self.rnd.choice(["steps", "stages", "messages", "rows", "title", "anywhere"])
        if where == "anywhere":
            parent, k, _ = self.rnd.choice(all_paths(tree))
            parent[k] = node
        elif where == "messages":
            tree["sequence"] = {"participants": [{"id": "A"}, {"id": "B"}], "messages": node}
        elif where == "rows":
            tree["tables"] = [{"title": "t", "columns": ["a"], "rows": node}]
        else:
            tree[where] = node
        return "alias-%dx%d-%s" % (levels, fan, where)

    def none(self, tree):
        """Unchanged: the sample with other options (and byte mutations)."""
        return "as-is"

    def wrong_type(self, tree):
        paths = all_paths(tree)
        for parent, k, _ in self.rnd.sample(paths, min(len(paths), self.rnd.randint(1, 3))):
            parent[k] = self.rnd.choice([None, True, 3, -2.5, [], {}, [1, [2]], {"x": {"y": []}}, "", "str"])
        return "wrong-type"

    def drop_keys(self, tree):
        paths = [p for p in all_paths(tree) if isinstance(p[0], dict)]
        for parent, k, _ in self.rnd.sample(paths, min(len(paths), self.rnd.randint(1, 5))):
            parent.pop(k, None)
        return "drop-keys"

    def hostile_text(self, tree):
        paths = [p for p in all_paths(tree) if isinstance(p[0][p[1]], str)] or all_paths(tree)
        for parent, k, _ in self.rnd.sample(paths, min(len(paths), self.rnd.randint(1, 2))):
            parent[k] = self.rnd.choice(TEXTS)
        return "hostile-text"

    def references(self, tree):
        """Steps naming stages, messages naming participants, that do not exist (or all the same)."""
        paths = [p for p in all_paths(tree) if p[1] in ("stage", "from", "to", "over", "left_of", "right_of", "image", "style")]
        for parent, k, _ in self.rnd.sample(paths, min(len(paths), 1)):
                parent[k] = self.rnd.choice(["nope", "", "../../etc/passwd", "persona.png", "P", "dark",
                                             ["A", "A"], None])
        return "references"


def dump(tree, m, rnd):
    if not m.aliases and (m.huge or rnd.random() < 0.2):
        out = json.dumps(tree, ensure_ascii=False)
    else:
        out = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=rnd.choice([80, 100000]))
    return m.ph.splice(out)


BYTE_MUTATIONS = ["bom", "nul", "crlf", "tabs", "truncate", "flip", "two-docs", "invalid-utf8", "cr-only"]


def mutate_bytes(rnd, data, kind):
    if kind == "bom": return b"\xef\xbb\xbf" + data
    if kind == "nul":
        i = rnd.randrange(len(data) + 1)
        return data[:i] + b"\0" + data[i:]
    if kind == "crlf": return data.replace(b"\n", b"\r\n")
    if kind == "cr-only": return data.replace(b"\n", b"\r")
    if kind == "tabs": return data.replace(b"  ", b"\t", rnd.randint(1, 5))
    if kind == "truncate": return data[:rnd.randrange(len(data) + 1)]
    if kind == "two-docs": return data + b"\n---\n" + data
    if kind == "invalid-utf8":
        i = rnd.randrange(len(data) + 1)
        return data[:i] + rnd.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"]) + data[i:]
    out = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        if out: out[rnd.randrange(len(out))] = rnd.randrange(256)
    return bytes(out)


STRUCT = ["numbers", "scores", "many_steps", "many_stages", "many_participants", "many_messages",
          "table_blowup", "huge_string", "deep", "nested_groups", "alias_bomb", "wrong_type", "drop_keys",
          "hostile_text", "references"]
HUGE_ONES = {"many_steps", "many_stages", "many_participants", "many_messages", "table_blowup",
             "huge_string", "deep", "nested_groups", "alias_bomb"}


# the mutations that keep a journey valid more often come up more often
SMALL = ["numbers", "scores", "scores", "scores", "hostile_text", "hostile_text", "wrong_type", "drop_keys",
         "references", "none", "none", "none"]


def load_samples():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "samples", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            try:
                tree = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            except yaml.YAMLError:
                continue   # YAML that PyYAML reads differently from libyaml: not a seed
        if isinstance(tree, dict):
            out.append((os.path.basename(path), tree))
    return out


def generate(rnd, samples):
    """One input: (bytes, description)."""
    name, tree = rnd.choice(samples)
    tree = copy.deepcopy(tree)
    m = Mutator(rnd)
    # the huge mutations are one in four, so that thousands of inputs stay within an hour
    ops = [rnd.choice(STRUCT if rnd.random() < 0.3 else SMALL) for _ in range(rnd.choice([1, 1, 1, 1, 2]))]
    what = [getattr(m, op)(tree) for op in ops]
    data = dump(tree, m, rnd).encode("utf-8", "surrogatepass")
    if rnd.random() < 0.1:
        kind = rnd.choice(BYTE_MUTATIONS)
        data = mutate_bytes(rnd, data, kind)
        what.append(kind)
    return data, "%s:%s" % (name[:-5], "+".join(what))


def options(rnd, out_dir):
    view, fmt = rnd.choice(VIEWS), rnd.choice(FORMATS)
    args = ["-o", os.path.join(out_dir, "out." + fmt)]
    if view: args += ["--view", view]
    if rnd.random() < 0.3: args += ["--style", rnd.choice(["default", "print", "dark"])]
    r = rnd.random()
    if r < 0.15: args += ["--width", rnd.choice(["1", "300", "20000"])]
    elif r < 0.25: args += ["--page", rnd.choice(["A4", "A5-landscape", "Tabloid"])]
    elif r < 0.3: args += ["--slide", rnd.choice(["16:9", "4:3"])]
    if rnd.random() < 0.15: args += ["--scale", rnd.choice(["0.1", "2", "8"])]
    if rnd.random() < 0.1: args += ["--thoughts"]
    if rnd.random() < 0.1: args += [rnd.choice(["--check-layout", "--dump-scene", "--check", "--list-views"])]
    return args


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))


def run(cmd, timeout, env, preexec=None):
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout, env=env,
                           preexec_fn=preexec, start_new_session=True)
        return p.returncode, p.stderr.decode("utf-8", "replace"), time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stderr or b"").decode("utf-8", "replace"), time.monotonic() - start


def verdict(rc, err, sanitized):
    if rc == "timeout": return "hang"
    if sanitized and ("Sanitizer" in err or "runtime error:" in err or rc == 99): return "sanitizer"
    if not sanitized and ("out of memory" in err or "failed to allocate" in err or "std::bad_alloc" in err):
        return "memory"
    if isinstance(rc, int) and rc < 0: return "signal-%d" % -rc
    if "CRITICAL" in err or "assertion" in err.lower(): return "assertion"
    if rc in (0, 1, 2, 4): return None
    return "exit-%s" % rc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "build-fuzz", "gen"))
    ap.add_argument("--asan", default=os.path.join(ROOT, "build-asan", "journeymap"))
    ap.add_argument("--plain", default=os.path.join(ROOT, "build", "journeymap"))
    ap.add_argument("--write-only", type=int, metavar="N", help="write N inputs to --out and stop")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    samples = load_samples()
    os.makedirs(a.out, exist_ok=True)
    if a.write_only:
        for i in range(a.write_only):   # the same inputs and options as a run with this seed
            data, what = generate(rnd, samples)
            args = options(rnd, a.out)
            with open(os.path.join(a.out, "%05d.yaml" % i), "wb") as f: f.write(data)
            print("%05d.yaml %d bytes %s: %s" % (i, len(data), what, " ".join(args[2:])))
        return 0
    findings = os.path.join(a.out, "findings")
    os.makedirs(findings, exist_ok=True)
    work = os.path.join(a.out, "work")
    env = dict(os.environ, G_SLICE="always-malloc",
               ASAN_OPTIONS="detect_leaks=1:exitcode=99:hard_rss_limit_mb=%d:allocator_may_return_null=0" % ASAN_RSS_MB,
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99",
               LSAN_OPTIONS="suppressions=%s:print_suppressions=0" % os.path.join(ROOT, "tests", "fuzz", "lsan.supp"))
    counts, found, slowest, t0 = {}, [], (0, ""), time.monotonic()
    for i in range(a.count):
        data, what = generate(rnd, samples)
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        # named as a sample: `image: persona.png` resolves to a copy of samples/persona.png
        shutil.copy(os.path.join(ROOT, "samples", "persona.png"), work)
        path = os.path.join(work, "in.yaml")
        with open(path, "wb") as f: f.write(data)
        args = options(rnd, work)
        res = []
        for binary, sanitized, limit in ((a.asan, True, ASAN_TIME_LIMIT), (a.plain, False, TIME_LIMIT)):
            rc, err, secs = run([binary, path] + args, limit, env, None if sanitized else limit_memory)
            v = verdict(rc, err, sanitized)
            if not sanitized and secs > slowest[0]: slowest = (secs, what)
            res.append((v, rc, err, secs, binary))
        bad = [r for r in res if r[0]]
        counts[res[1][1] if not bad else bad[0][0]] = counts.get(res[1][1] if not bad else bad[0][0], 0) + 1
        if bad:
            v, rc, err, secs, binary = bad[0]
            stem = os.path.join(findings, "%05d-%s" % (i, v))
            if len(data) <= 2 << 20:
                with open(stem + ".yaml", "wb") as f: f.write(data)
            with open(stem + ".txt", "w") as f:
                f.write("input: %s (%d bytes)%s\nrun: %s in.yaml %s\nexit: %s after %.1f s\n\n%s\n" % (
                    what, len(data), "" if len(data) <= 2 << 20 else " (not kept: regenerate with --seed)",
                    binary, " ".join(args), rc, secs, err[-6000:]))
            found.append("%05d %-10s %s (%d bytes) %s" % (i, v, what, len(data), " ".join(args[2:])))
            print("FOUND " + found[-1], flush=True)
        if (i + 1) % 100 == 0:
            print("gen: %d inputs, %.0f s, %d findings" % (i + 1, time.monotonic() - t0, len(found)), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print("gen: %d inputs (seed %d) in %.0f s; outcomes: %s; slowest normal run %.1f s (%s); %d findings in %s" % (
        a.count, a.seed, time.monotonic() - t0, ", ".join("%s: %d" % (k, v) for k, v in sorted(counts.items(), key=str)),
        slowest[0], slowest[1], len(found), findings))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
