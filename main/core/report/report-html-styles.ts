/**
 * The HTML report's only stylesheet, inlined: no fonts, images or files are fetched.
 *
 * Severity is never told by colour alone: every finding carries its label in words, badges differ in fill
 * and border style, and the left rules fade from dark (critical) to light (information), so a grayscale
 * printout keeps the distinction. `@page` keeps margins for A4 and
 * Letter alike (size auto), and a finding is never split across pages when it fits on one.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #c9d1d9; --paper: #ffffff;
  --critical: #7f1d1d; --high: #9a3412; --medium: #854d0e; --low: #1e4e79; --info: #4b5563; --pass: #166534; }
* { box-sizing: border-box; }
html { background: #eef1f4; }
body { margin: 0 auto; max-width: 58rem; padding: 2.5rem 3rem 3rem; background: var(--paper); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0; }
h1 { font-size: 1.9rem; margin: 0.2rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.6rem 0 0.6rem; text-transform: uppercase; letter-spacing: 0.06em; }
h4 { font-size: 1.05rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
h5 { font-size: 0.8rem; margin: 0.9rem 0 0.3rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
p { margin: 0.4rem 0; }
a { color: #0b4f8a; }
code, .mono, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.86em; }
.eyebrow { margin: 0; font-size: 0.85rem; font-weight: 600; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); }
.cover { border-bottom: 4px solid var(--ink); padding-bottom: 1rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.2rem; margin: 0; }
.meta dt { font-weight: 600; color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.print-header { display: none; }
.verdict { font-size: 1.1rem; margin: 0.4rem 0 1rem; }
.warning { border: 2px solid var(--ink); padding: 0.5rem 0.8rem; font-weight: 600; }
.plan { padding-left: 1.4rem; }
.action { margin: 0 0 0.35rem; break-inside: avoid; page-break-inside: avoid; }
.action-who { font-size: 0.85rem; color: var(--muted); }
table.score { width: auto; min-width: 24rem; }
table.counts { width: auto; min-width: 15rem; }
table.counts td.count { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.action-detail { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1rem; }
.action-detail .steps { margin: 0.2rem 0; }
.steps li, .finding ol li { white-space: pre-line; }
.grades { display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; align-items: flex-start; }
.caps { flex: 1 1 16rem; margin: 1.4rem 0 0; padding-left: 1.1rem; font-size: 0.9rem; }
.caps li { margin-bottom: 0.25rem; }
pre.message { white-space: pre-wrap; border: 1px solid var(--rule); padding: 0.5rem; font-size: 0.8rem; break-inside: avoid; }
@media print { .appendix { break-before: page; page-break-before: always; } }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0; }
caption { text-align: left; padding: 0 0 0.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.55rem; border: 1px solid var(--rule); }
thead th { background: #f3f5f7; font-size: 0.85rem; }
.summary { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: flex-start; }
.summary table { width: auto; min-width: 15rem; }
.summary td.count { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.finding { border: 1px solid var(--rule); border-left-width: 6px; padding: 0.8rem 1rem; margin: 0 0 0.9rem;
  break-inside: avoid; page-break-inside: avoid; }
.finding .ids { margin: 0 0 0.4rem; color: var(--muted); font-size: 0.82rem; overflow-wrap: anywhere; }
.finding ol, .finding ul { margin: 0.2rem 0; padding-left: 1.4rem; }
.evidence th { width: 30%; font-weight: 600; font-size: 0.82rem; background: #f8f9fa; }
.evidence td, .record td { font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.8rem;
  overflow-wrap: anywhere; white-space: pre-wrap; }
.badge { display: inline-block; min-width: 5.6rem; margin-right: 0.5rem; padding: 0.05rem 0.45rem; border: 2px solid;
  border-radius: 3px; font-size: 0.72rem; font-weight: 700; letter-spacing: 0.08em; text-align: center;
  text-transform: uppercase; vertical-align: 0.12em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sev-critical { border-left-color: var(--critical); }
.sev-critical .badge, .badge.sev-critical { background: var(--critical); border-color: var(--critical); color: #fff; }
.sev-high { border-left-color: var(--high); }
.sev-high .badge, .badge.sev-high { background: var(--high); border-color: var(--high); color: #fff; }
.sev-medium { border-left-color: #b7791f; }
.sev-medium .badge, .badge.sev-medium { background: #fdf3d8; border-color: var(--medium); color: var(--medium); }
.sev-low { border-left-color: #5b87b5; }
.sev-low .badge, .badge.sev-low { background: #fff; border-color: var(--low); color: var(--low); border-style: dashed; }
.sev-info { border-left-color: #c4c9cf; }
.sev-info .badge, .badge.sev-info { background: #fff; border-color: var(--info); color: var(--info); border-style: dotted; }
.sev-pass .badge, .badge.sev-pass { background: #fff; border-color: var(--pass); color: var(--pass); border-width: 1px; }
details { border: 1px solid var(--rule); padding: 0.4rem 0.8rem; }
summary { cursor: pointer; font-weight: 600; }
.passes { columns: 2; column-gap: 2rem; padding-left: 1.2rem; }
.passes li { break-inside: avoid; }
.transcript { font-size: 0.75rem; }
.transcript td { padding: 0.1rem 0.4rem; font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.transcript td.num { text-align: right; white-space: nowrap; }
footer { margin-top: 2.5rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.8rem; }
@page { size: auto; margin: 16mm 14mm 18mm; }
@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .print-header { display: flex; justify-content: space-between; gap: 1rem; border-bottom: 1px solid var(--ink);
    margin-bottom: 0.8rem; padding-bottom: 0.2rem; font-size: 8.5pt; color: var(--ink); }
  h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; }
  /* The summary is one page: a compact cover, tight tables and one line per action. */
  h1 { font-size: 1.45rem; margin: 0.1rem 0 0.4rem; }
  .cover { padding-bottom: 0.4rem; }
  .cover .meta { grid-template-columns: max-content 1fr max-content 1fr; font-size: 9pt; }
  .one-page h2 { margin: 0.8rem 0 0.4rem; }
  .one-page h3 { margin: 0.7rem 0 0.3rem; font-size: 10pt; }
  .one-page .verdict { margin: 0.2rem 0 0.5rem; }
  .one-page th, .one-page td { padding: 0.12rem 0.45rem; font-size: 9pt; }
  .one-page { line-height: 1.35; }
  .one-page .action { margin: 0 0 0.1rem; font-size: 9pt; }
  .one-page .badge { min-width: 4.6rem; font-size: 6.5pt; }
  .one-page .recipients { margin: 0.2rem 0; font-size: 9pt; }
  .one-page .caps { font-size: 9pt; }
  /* Paper cannot be clicked: passing checks print expanded (Chromium's ::details-content, CSS Pseudo 4). */
  details { border: none; padding: 0; }
  details > summary { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  a { color: inherit; text-decoration: underline; }
}
`;
