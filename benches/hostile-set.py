#!/usr/bin/env python3
"""Writes a hostile set of YAML files into DIR, every one at most 8 MiB (the file limit):
nesting of a million levels in flow, block and mixed layouts, alias bombs in several layouts
(and with CR and CRLF line breaks), quotes that mislead a scan, huge scalars, many values.
benches/hostile.sh runs jsp on each."""
import os, sys

LIMIT = 8 * 1024 * 1024
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def write(name, text):
    data = text.encode() if isinstance(text, str) else text
    assert len(data) <= LIMIT, (name, len(data))
    open(os.path.join(out, name), "wb").write(data)

H = "questionnaire: acme-lite\n"
M = 1_000_000
# Nesting of a million levels: flow, block, mixed.
write("flow-seq-1m.yaml", H + "answers: " + "[" * M + "]" * M + "\n")
write("flow-seq-8mb-open.yaml", H + "answers: " + "[" * (LIMIT - 40) + "\n")
write("flow-map-1m.yaml", H + "answers: " + "{a: " * M + "}" * M + "\n")
write("flow-mixed-1m.yaml", H + "answers: " + "{a: [" * (M // 2) + "]}" * (M // 2) + "\n")
write("block-seq-1m.yaml", H + "answers:\n" + "- " * M + "x\n")
write("block-map-1m.yaml", H + "answers:\n" + "a: " * M + "x\n")
n = 4000  # keys, each indented one more: n*n/2 bytes
write("block-indent-4k.yaml", H + "answers:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(n)) + " " * (n + 1) + "x\n")
write("block-flow-mixed-1m.yaml", H + "answers:\n" + "- " * (M // 2) + "[" * (M // 2) + "]" * (M // 2) + "\n")
write("block-seq-map-1m.yaml", H + "answers:\n" + "- a: " * (M // 2) + "x\n")
# A `:` inside a flow collection followed by `'`: a plain word to YAML, a quote to a scan that guesses at the grammar.
k = 1_000_000
write("colon-quote-1m.yaml", H + "answers: {gov-2a: [x:'y, " + "[" * k + "]" * k + "]}\n")
write("colon-quote-8mb-open.yaml", H + "answers: [a:'b, " + "[" * (LIMIT - 60) + "\n")
write("colon-quote-lines.yaml", H + "answers: [a:'b,\n" + "[\n" * 1_000_000 + "]\n" * 1_000_000 + "]\n")

# Billion laughs in several layouts.
def bomb(layout, nl="\n", levels=9):
    if layout == "block-flow":   # the classic: block map of flow lists
        s = H + "answers:" + nl + ' a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]' + nl
        for i in range(1, levels + 1):
            s += " a%d: &a%d [%s]" % (i, i, ",".join(["*a%d" % (i - 1)] * 9)) + nl
        return s
    if layout == "block":        # block lists only
        s = H + "answers:" + nl + " a0: &a0" + nl + (" - lol" + nl) * 9
        for i in range(1, levels + 1):
            s += " a%d: &a%d" % (i, i) + nl + (" - *a%d" % (i - 1) + nl) * 9
        return s
    if layout == "flow-line":    # everything in one flow mapping on one line
        parts = ["a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
        for i in range(1, levels + 1):
            parts.append("a%d: &a%d [%s]" % (i, i, ",".join(["*a%d" % (i - 1)] * 9)))
        return H + "answers: {" + ", ".join(parts) + "}" + nl
    if layout == "flow-continuation":  # each alias at the start of a continuation line in a flow map
        s = H + "answers: {a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]," + nl
        for i in range(1, levels + 1):
            s += "a%d: &a%d [" % (i, i) + nl + ("*a%d," % (i - 1) + nl) * 9 + "]," + nl
        return s + "}" + nl
    if layout == "keys":         # aliases as keys of a flow map
        s = H + "answers:" + nl + " a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]" + nl
        for i in range(1, levels + 1):
            s += " a%d: &a%d {%s}" % (i, i, ", ".join("k%d: *a%d" % (j, i - 1) for j in range(9))) + nl
        return s
    raise ValueError(layout)

for layout in ["block-flow", "block", "flow-line", "flow-continuation", "keys"]:
    write("bomb-%s.yaml" % layout, bomb(layout))
write("bomb-block-flow-cr.yaml", bomb("block-flow", "\r"))
write("bomb-block-cr.yaml", bomb("block", "\r"))
write("bomb-flow-continuation-cr.yaml", bomb("flow-continuation", "\r"))
write("bomb-block-crlf.yaml", bomb("block", "\r\n"))
write("bomb-flow-continuation-crlf.yaml", bomb("flow-continuation", "\r\n"))

# Aliases that copy one long text into many places typed as text: the bomb that works against
# typed structs (every field is checked, so nested lists fail at once; a text copied 100,000
# times does not).
def lines_up_to(room, line):
    """Lines line(1), line(2), ... while they fit in room characters (joined once: adding to
    a string of megabytes line by line takes minutes)."""
    parts, size, i = [], 0, 1
    while size < room:
        parts.append(line(i))
        size += len(parts[-1])
        i += 1
    return "".join(parts)


def copy_bomb(layout, nl="\n"):
    big = "A" * (1 << 20)
    if layout == "note-block":
        head = H + "answers:" + nl + "  q0:" + nl + "    answer: all" + nl + "    note: &n " + big + nl
        return head + lines_up_to(LIMIT - 200 - len(head), lambda i: "  q%d: {answer: all, note: *n}" % i + nl)
    if layout == "evidence-flow":
        s = H + "answers:" + nl + "  q0: {answer: all, note: &n " + big + ", evidence: ["
        return s + "*n," * ((LIMIT - len(s) - 100) // 3) + "]}" + nl
    if layout == "note-continuation":  # the alias starts a continuation line in a flow map
        head = H + "answers: {q0: {answer: all, note: &n " + big + "}," + nl
        body = lines_up_to(LIMIT - 200 - len(head), lambda i: "q%d: {answer: all, note:" % i + nl + "*n}," + nl)
        return head + body + "}" + nl
    raise ValueError(layout)

for layout in ["note-block", "evidence-flow", "note-continuation"]:
    write("copy-bomb-%s.yaml" % layout, copy_bomb(layout))
write("copy-bomb-note-continuation-cr.yaml", copy_bomb("note-continuation", "\r"))
write("copy-bomb-note-block-crlf.yaml", copy_bomb("note-block", "\r\n"))

# Deep nesting with CR-only line breaks.
write("flow-seq-cr-1m.yaml", (H + "answers:").replace("\n", "\r") + "\r" + "[\r" * M + "]\r" * M)
write("block-indent-cr-4k.yaml", (H + "answers:\n").replace("\n", "\r") + "".join(" " * (i + 1) + "a:\r" for i in range(4000)) + " " * 4001 + "x\r")

# Valid files with CR and CRLF: must read, not be refused.
ok = H + "organization: Acme\nanswers:\n  gov-2a: all\n  gov-3a: {answer: most, note: \"a note\"}\n  test-2a:\n    answer: some\n    evidence:\n      - https://e.example/1\n"
write("ok-lf.yaml", ok)
write("ok-cr.yaml", ok.replace("\n", "\r"))
write("ok-crlf.yaml", ok.replace("\n", "\r\n"))

# One huge scalar, in each style.
big = LIMIT - 100
write("scalar-plain-8mb.yaml", H + "organization: " + "a" * big + "\n")
write("scalar-double-8mb.yaml", H + 'organization: "' + "a" * big + '"\n')
write("scalar-single-8mb.yaml", H + "organization: '" + "a" * big + "'\n")
write("scalar-literal-8mb.yaml", H + "organization: |\n" + ("  " + "a" * 78 + "\n") * (big // 81))
write("scalar-escapes-8mb.yaml", H + 'organization: "' + "\\x41" * (big // 4) + '"\n')
write("scalar-key-8mb.yaml", H + "a" * big + ": x\n")

# Many small nodes.
lines = (LIMIT - 100) // 18
write("many-answers-8mb.yaml", H + "answers:\n" + "".join("  zz-%07d: all\n" % i for i in range(lines)))
write("many-flow-items-8mb.yaml", H + "organization: [" + "a," * ((LIMIT - 100) // 2) + "]\n")
write("many-block-items-8mb.yaml", H + "organization:\n" + "- a\n" * ((LIMIT - 100) // 4))
write("many-empty-maps-8mb.yaml", H + "organization: [" + "{}," * ((LIMIT - 100) // 3) + "]\n")
write("many-documents-8mb.yaml", H + "---\n" * ((LIMIT - 100) // 4))
write("many-anchors-8mb.yaml", H + "organization: [" + "".join("&a%d x," % i for i in range((LIMIT - 100) // 12)) + "]\n")
