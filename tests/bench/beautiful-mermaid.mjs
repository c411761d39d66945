// tests/bench/beautiful-mermaid.mjs - beautiful-mermaid's time per diagram, in one Node process:
// node beautiful-mermaid.mjs MODULE_DIR LIST RUNS OK_LIST. Renders every file of LIST (one path a
// line) to SVG once to warm up, writing the files it renders to OK_LIST (it refuses some headers:
// front matter, init directives), then RUNS times over those; prints
// "n=N refused=R first_pass_ms_per_diagram=F median_ms_per_diagram=M": F the warm-up pass (its
// module cold: what a process drawing these once pays), M the median over the runs of total
// time / N.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [moduleDir, listFile, runsArg, okFile] = process.argv.slice(2);
const pkgDir = path.join(moduleDir, 'node_modules', 'beautiful-mermaid');
const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const entry = pkg.exports?.['.']?.import ?? pkg.main;   // its ES module entry
const { renderMermaidSVG } = await import(pathToFileURL(path.join(pkgDir, entry)).href);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const sources = [];
let refused = 0;
const texts = files.map((f) => [f, readFileSync(f, 'utf8')]);
const first0 = process.hrtime.bigint();
for (const [f, text] of texts) {
    try {
        if (renderMermaidSVG(text).length > 0) sources.push([f, text]);
    } catch {
        refused++;
    }
}
const firstMs = Number(process.hrtime.bigint() - first0) / 1e6 / Math.max(1, texts.length);
writeFileSync(okFile, sources.map(([f]) => f).join('\n') + '\n');
const per = [];
for (let r = 0; r < Number(runsArg); r++) {
    const t0 = process.hrtime.bigint();
    let bytes = 0;
    for (const [, text] of sources) bytes += renderMermaidSVG(text).length;
    const t1 = process.hrtime.bigint();
    if (bytes === 0) throw new Error('no output');
    per.push(Number(t1 - t0) / 1e6 / sources.length);
}
per.sort((a, b) => a - b);
const mid = per.length >> 1;
const median = per.length % 2 ? per[mid] : (per[mid - 1] + per[mid]) / 2;
console.log(`n=${sources.length} refused=${refused} first_pass_ms_per_diagram=${firstMs.toFixed(3)} median_ms_per_diagram=${median.toFixed(3)}`);
