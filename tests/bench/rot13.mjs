// tests/bench/rot13.mjs - the same diagrams with other words, to warm a process up without
// giving it any of their texts: node rot13.mjs LIST OUTDIR writes each file of LIST (one path a
// line) to OUTDIR/rNN-NAME with every word that is not Mermaid syntax in ROT13 (the same letters,
// the same lengths, none of the texts) and prints the paths written, one a line. Lines that hold
// styles, links, directives or front matter are left as they are, and so are entity codes, tags,
// colours and addresses inside a line. A file whose copy is not valid Mermaid any more is the
// caller's to leave out (journeymap --check).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const [listFile, outDir] = process.argv.slice(2);
const keywords = new Set(`sequenceDiagram participant actor as Note note over left right of loop alt else
  opt par and critical option break rect end box activate deactivate create destroy autonumber title
  accTitle accDescr link links rgb rgba transparent flowchart graph LR RL TD TB BT subgraph direction
  classDef class style click journey section`.split(/\s+/));
const untouched = /^\s*(%%|---|@\{|classDef\b|style\b|click\b|links?\b|config\b|theme\b)/;
const kept = /(<[^>]*>|#[a-z0-9]+;|&[a-z]+;|#[0-9a-fA-F]{3,8}\b|https?:\/\/\S+)/;
const rot = (w) => keywords.has(w) ? w : w.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode((c.charCodeAt(0) - base + 13) % 26 + base);
});

mkdirSync(outDir, { recursive: true });
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
files.forEach((f, i) => {
    const lines = readFileSync(f, 'utf8').split('\n').map((line) => {
        if (untouched.test(line) || line.includes('@{')) return line;
        return line.split(kept).map((part, k) => k % 2 ? part : part.replace(/[A-Za-z_][A-Za-z0-9_]*/g, rot)).join('');
    });
    const out = path.join(outDir, `r${String(i + 1).padStart(2, '0')}-${path.basename(f)}`);
    writeFileSync(out, lines.join('\n'));
    console.log(out);
});
