/// The HTML report's inline style sheet: system fonts only, readable on screen and on A4 paper.
/// It holds no `<` or `&`, so the `<style>` element stays well-formed XML.
extension HTMLReport {
    static let css = """

    @page { size: A4; margin: 15mm 14mm 16mm 14mm; }
    :root { --ink: #1b1f24; --muted: #5f6b76; --line: #d5dbe1; --bar: #2f6b9a; --accent: #b4462b; --soft: #f3f5f7; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; color: var(--ink); background: #fff;
      font: 10.5pt/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
    h1 { font-size: 19pt; margin: 0 0 6pt; line-height: 1.2; }
    h2 { font-size: 13.5pt; margin: 20pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid var(--ink); break-after: avoid; }
    h3 { font-size: 11pt; margin: 14pt 0 4pt; break-after: avoid; }
    p { margin: 4pt 0 8pt; }
    code { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.85em; color: var(--muted); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 12pt; margin: 0 0 8pt; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; font-weight: 600; }
    .howto { background: var(--soft); border-left: 3pt solid var(--bar); padding: 5pt 8pt; font-size: 9.5pt; }
    ul.findings { padding-left: 14pt; }
    ul.findings li { margin: 2pt 0; font-weight: 500; }
    section { break-inside: auto; }
    table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 9.5pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { text-align: left; vertical-align: top; padding: 3pt 6pt; border-bottom: 0.5pt solid var(--line); }
    thead th { border-bottom: 1pt solid var(--ink); font-weight: 600; }
    tbody th { font-weight: normal; }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: var(--muted); }
    td.doc { word-break: break-all; }
    ul.counts { list-style: none; margin: 0; padding: 0; }
    ul.counts li { white-space: nowrap; }
    ul.counts span.n { font-weight: 600; }
    .example { font-family: "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; background: var(--soft); padding: 0 2pt; }
    .statement { font-weight: 600; }
    .yes { color: var(--accent); font-weight: 600; }
    .no { color: var(--muted); }
    .warning { border-left: 3pt solid var(--accent); padding: 3pt 8pt; }
    .note { color: var(--muted); font-size: 9pt; }
    .unattributed strong { font-size: 1.1em; }
    .s-failed { color: var(--accent); }
    footer { margin-top: 24pt; padding-top: 4pt; border-top: 0.5pt solid var(--line); color: var(--muted); font-size: 8.5pt; }
    svg.chart { display: block; max-width: 100%; height: auto; margin: 6pt 0; break-inside: avoid; }
    svg.chart text { font-size: 11px; fill: var(--ink); }
    svg.chart text.empty, svg.chart text.sub, svg.chart .axis text { fill: var(--muted); font-size: 10px; }
    svg.chart text.value { font-weight: 600; }
    svg.chart text.on-bar { fill: #fff; }
    svg.chart line.grid { stroke: var(--line); stroke-width: 0.6; }
    svg.chart line.baseline { stroke: var(--ink); stroke-width: 1; }
    svg.chart rect.bar, svg.chart rect.swatch { fill: var(--bar); }
    svg.chart rect.muted, svg.chart rect.s-pending { fill: #9aa5af; }
    svg.chart rect.s-skipped { fill: #c99a2e; }
    svg.chart rect.s-failed { fill: var(--accent); }
    svg.chart .cumulative { fill: none; stroke: var(--accent); stroke-width: 2; }
    svg.chart circle.point { fill: var(--accent); }
    svg.chart text.cum { fill: var(--accent); }
    @media print { body { padding: 0; max-width: none; } h2 { margin-top: 14pt; } a { color: inherit; } }

    """
}
